namespace StreamGen.Model.Cli;

/// <summary>
/// A method's command (<c>subscribe</c>): its options, the payload built from them, and the runtime call that runs it
/// (<c>Runtime::CliCalls.ServerStreamAsync(...)</c>), picked by stream kind in <c>CliPass</c>.
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

    /// <summary>The payload expression (<c>new SubscribePayload { Topic = parse.GetRequiredValue(topicOption) }</c>), or null without a payload.</summary>
    public required string? PayloadExpression { get; init; }

    /// <summary>The expression running the call, which returns the task of the whole command.</summary>
    public required string Call { get; init; }

    /// <summary>The statement choosing the view results print in (<c>--view</c>), for a result type with views no attribute's option hides; else null.</summary>
    public required string? ViewStatement { get; init; }

    public bool HasPayload => PayloadExpression is not null;

    public bool HasView => ViewStatement is not null;

    public bool HasOptions => Options.Count > 0;

    public string OptionLocals => string.Join(", ", Options.Select(o => o.Local));
}
