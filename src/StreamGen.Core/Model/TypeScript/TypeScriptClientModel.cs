namespace StreamGen.Model.TypeScript;

/// <summary>The client class of a service: its HTTP methods over fetch, WebSockets and Server-Sent Events.</summary>
public sealed record TypeScriptClientModel
{
    public required string ClassName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The errors of the service and its methods: the classes received errors become, by name.</summary>
    public required IReadOnlyList<TypeScriptErrorModel> Errors { get; init; }

    public required IReadOnlyList<TypeScriptMethodModel> Methods { get; init; }

    /// <summary>The service's client interceptors interface (<c>LoggerClientInterceptors</c>), when the design gives it client interceptors.</summary>
    public string? InterceptorsInterfaceName { get; init; }

    public IReadOnlyList<TypeScriptInterceptorModel> Interceptors { get; init; } = [];

    public bool HasInterceptors => InterceptorsInterfaceName is not null;
}
