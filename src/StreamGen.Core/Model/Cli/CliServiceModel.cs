namespace StreamGen.Model.Cli;

/// <summary>A service's command (<c>logger</c>) and its class (<c>LoggerCommands</c>): one subcommand per method.</summary>
public sealed record CliServiceModel
{
    public required string CommandLiteral { get; init; }

    public required string DescriptionLiteral { get; init; }

    public required string ClassName { get; init; }

    /// <summary>The file, under the CLI's gen/ (<c>Logger/LoggerCommands.g.cs</c>).</summary>
    public required string FileName { get; init; }

    public required string ClientInterfaceName { get; init; }

    /// <summary>The service's HTTP client class, or null when no method is served over HTTP.</summary>
    public required string? HttpClientClassName { get; init; }

    /// <summary>The service's gRPC client class, or null when no method is served over gRPC.</summary>
    public required string? GrpcClientClassName { get; init; }

    /// <summary>Whether the gRPC client takes the session's credentials (the service has secured methods).</summary>
    public required bool GrpcClientTakesCredentials { get; init; }

    /// <summary>Both clients: the session picks one by its transport.</summary>
    public bool HasBothClients => HttpClientClassName is not null && GrpcClientClassName is not null;

    /// <summary>The service's client interceptors interface (<c>ILoggerClientInterceptors</c>), when the design gives it client interceptors.</summary>
    public string? InterceptorsInterfaceName { get; init; }

    /// <summary>The decorator that runs them around a client (<c>InterceptedLoggerClient</c>).</summary>
    public string? InterceptedClientName { get; init; }

    public bool HasClientInterceptors => InterceptorsInterfaceName is not null;

    public required IReadOnlyList<CliMethodModel> Methods { get; init; }

    /// <summary>The namespaces the file's option types need (<c>System.Collections.Generic</c> for a list attribute).</summary>
    public required IReadOnlyList<string> Usings { get; init; }

    /// <summary>Whether the service's client may be the gRPC one (the file then aliases Grpc.Net.Client).</summary>
    public required bool UsesGrpc { get; init; }
}
