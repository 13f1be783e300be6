namespace StreamGen.Model.Building;

/// <summary>The types a service generates, and the factory each of its errors gets.</summary>
internal sealed record ServiceNames(
    string Name,
    string Interface,
    string ClientInterface,
    string Implementation,
    string Errors,
    string HttpEndpoints,
    string MapHttpMethod,
    string HttpClient,
    string GrpcService,
    string GrpcClient,
    IReadOnlyDictionary<string, string> ErrorFactories);
