namespace StreamGen.Model.Building;

/// <summary>The types a service generates, its folder and stub file, its protobuf name, and the factory each of its errors gets.</summary>
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
    string GrpcClient)
{
    public string Folder { get; init; } = Name;

    public string ScaffoldFile { get; init; } = Implementation + ".cs";

    public string? ProtoName { get; init; }

    public IReadOnlyDictionary<string, string> ErrorFactories { get; init; } = new Dictionary<string, string>();

    /// <summary>Every type the service generates, for the namespace scope.</summary>
    public IEnumerable<string> Types => [Interface, ClientInterface, Implementation, Errors, HttpEndpoints, HttpClient, GrpcService, GrpcClient];
}
