namespace StreamGen.Model;

/// <summary>A service with every name its generated types take.</summary>
public sealed record ServiceModel
{
    public required string Name { get; init; }

    /// <summary>The service's folder under gen/ (its name, unless another folder has it whatever the case).</summary>
    public required string Folder { get; init; }

    /// <summary>The user-owned implementation stub beside gen/ (<c>LoggerService.cs</c>).</summary>
    public required string ScaffoldFileName { get; init; }

    /// <summary>The namespaces the stub imports for the short type names of its signatures (the runtime's; System.Text.Json for Any).</summary>
    public required IReadOnlyList<string> ScaffoldUsings { get; init; }

    public required string DesignName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary><c>ILoggerService</c>: the transport-agnostic interface the user implements.</summary>
    public required string InterfaceName { get; init; }

    /// <summary><c>ILoggerClient</c>: what both the WebSocket/HTTP client and the gRPC client implement.</summary>
    public required string ClientInterfaceName { get; init; }

    /// <summary><c>LoggerService</c>: the user-owned implementation stub.</summary>
    public required string ImplementationName { get; init; }

    public required string ErrorsClassName { get; init; }

    public required string HttpEndpointsClassName { get; init; }

    public required string MapHttpMethodName { get; init; }

    public required string HttpClientClassName { get; init; }

    public required string GrpcServiceClassName { get; init; }

    public required string GrpcClientClassName { get; init; }

    public required string? ProtoServiceName { get; init; }

    public required IReadOnlyList<ErrorModel> Errors { get; init; }

    public required IReadOnlyList<MethodModel> Methods { get; init; }

    /// <summary>Some method requires credentials: the gRPC client takes them.</summary>
    public bool HasSecuredMethods => Methods.Any(m => m.IsSecured);

    /// <summary>The interceptors that run on the service's methods (null when none does).</summary>
    public InterceptionModel? Interception { get; init; }

    public bool HasServerInterceptors => Interception?.Server is not null;

    public bool HasClientInterceptors => Interception?.Client is not null;

    /// <summary>The endpoint class's status tables: one per distinct mapping of error names to HTTP statuses.</summary>
    public required IReadOnlyList<ErrorTableModel> HttpErrorTables { get; init; }

    /// <summary>The gRPC service class's status tables: one per distinct mapping of error names to status codes.</summary>
    public required IReadOnlyList<GrpcErrorTableModel> GrpcErrorTables { get; init; }

    /// <summary>The namespaces each of the service's files imports.</summary>
    public required ServiceUsings Usings { get; init; }

    public bool HasStreaming => Methods.Any(m => m.IsStreaming);

    public bool HasHttp => Methods.Any(m => m.Http is not null);

    public bool HasGrpc => Methods.Any(m => m.Grpc is not null);

    public IEnumerable<MethodModel> HttpMethods => Methods.Where(m => m.Http is not null);

    public IEnumerable<MethodModel> GrpcMethods => Methods.Where(m => m.Grpc is not null);
}

/// <summary>A design error: its wire name and the factory that raises it.</summary>
public sealed record ErrorModel
{
    public required string DesignName { get; init; }

    public required string NameLiteral { get; init; }

    public required string FactoryName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required bool Temporary { get; init; }

    public required bool Timeout { get; init; }

    public required bool Fault { get; init; }

    /// <summary>The flags the design sets, as named arguments of ServiceError's constructor (<c>temporary: true, </c>); none by default.</summary>
    public string FlagArguments => (Temporary ? "temporary: true, " : "") + (Timeout ? "timeout: true, " : "") + (Fault ? "fault: true, " : "");
}

/// <summary>An error-status table of the HTTP endpoint class: <c>private static int ErrorStatus(string name)</c>.</summary>
public sealed record ErrorTableModel(string Name, IReadOnlyList<ErrorStatusModel> Entries);

/// <summary>An error-status table of the gRPC service class: <c>private static GrpcCore::StatusCode? ErrorStatus(string name)</c>.</summary>
public sealed record GrpcErrorTableModel(string Name, IReadOnlyList<GrpcErrorStatusModel> Entries);

/// <summary>The namespaces each generated file of a service imports: what its signatures and bodies name, nothing more.</summary>
public sealed record ServiceUsings(
    IReadOnlyList<string> Interface,
    IReadOnlyList<string> ClientInterface,
    IReadOnlyList<string> HttpEndpoints,
    IReadOnlyList<string> HttpClient,
    IReadOnlyList<string> GrpcService,
    IReadOnlyList<string> GrpcClient);
