namespace StreamGen.Model.Cli;

/// <summary>
/// A method's command (<c>subscribe</c>): its options, the payload built from them, and the runtime call that runs it
/// (<see cref="CliCallKind"/>, picked by stream kind and raw bodies in <c>CliPass</c>).
/// </summary>
public sealed record CliMethodModel
{
    public required string CommandLiteral { get; init; }

    public required string DescriptionLiteral { get; init; }

    /// <summary>The C# method of the service class that builds this command (<c>Subscribe</c>).</summary>
    public required string FactoryName { get; init; }

    /// <summary>The design's name, for messages (<c>"logger.subscribe"</c>).</summary>
    public required string DesignNameLiteral { get; init; }

    /// <summary>The transports serving the method, its HTTP mapping first (<c>["ws", "grpc"]</c>), as a C# collection expression.</summary>
    public required string TransportsLiteral { get; init; }

    public required IReadOnlyList<CliOptionModel> Options { get; init; }

    /// <summary>How the payload is built from the options, or null without a payload.</summary>
    public required CliPayloadModel? Payload { get; init; }

    /// <summary>The <c>--view</c> option, for a result type with views no attribute's option hides; else null.</summary>
    public required CliViewModel? View { get; init; }

    public required CliCallKind Call { get; init; }

    /// <summary>The client method the command calls (<c>SubscribeAsync</c>).</summary>
    public required string AsyncName { get; init; }

    /// <summary>Whether the client method returns a raw body together with a result (the CLI writes the body).</summary>
    public required bool ReturnsRawResult { get; init; }

    /// <summary>The result's JSON type info for printing (<c>LoggerJsonContext.Default.PublishResult</c>), or null without a result.</summary>
    public required string? ResultInfo { get; init; }

    /// <summary>The streamed results' JSON type info for printing, or null.</summary>
    public required string? StreamingResultInfo { get; init; }

    /// <summary>The streamed payload's JSON type info for reading standard input's lines, or null.</summary>
    public required string? StreamingPayloadInfo { get; init; }

    /// <summary>The local of the <c>--file</c> option (raw request body), or null.</summary>
    public required string? FileOptionLocal { get; init; }

    /// <summary>The local of the <c>--output</c> option (raw response body), or null.</summary>
    public required string? OutputOptionLocal { get; init; }

    public bool HasPayload => Payload is not null;

    public bool HasView => View is not null;

    public bool HasOptions => Options.Count > 0;

    public bool HasResult => ResultInfo is not null;

    public bool IsUnary => Call == CliCallKind.Unary;

    public bool IsUpload => Call == CliCallKind.Upload;

    public bool IsDownload => Call == CliCallKind.Download;

    public bool IsUploadDownload => Call == CliCallKind.UploadDownload;

    public bool IsServerStream => Call == CliCallKind.ServerStream;

    public bool IsClientStream => Call == CliCallKind.ClientStream;

    public bool IsBidirectional => Call == CliCallKind.Bidirectional;

    public string OptionLocals => string.Join(", ", Options.Select(o => o.Local));
}
