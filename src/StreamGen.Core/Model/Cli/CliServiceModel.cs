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

    /// <summary>The C# expression creating the service's client for a <c>session</c>: over gRPC or HTTP as the session chose.</summary>
    public required string ClientExpression { get; init; }

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
