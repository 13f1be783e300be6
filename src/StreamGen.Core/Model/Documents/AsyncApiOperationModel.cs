namespace StreamGen.Model.Documents;

/// <summary>
/// A direction of a stream: <see cref="AsyncApiAction.Receive"/> for what the server streams, <see cref="AsyncApiAction.Send"/>
/// for what the client streams (ending with the <c>null</c> message), with the result as the reply of a client stream that has one.
/// </summary>
public sealed record AsyncApiOperationModel
{
    /// <summary><c>logger.subscribe.receive</c>.</summary>
    public required string Key { get; init; }

    public required AsyncApiAction Action { get; init; }

    public required string Channel { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Description { get; init; }

    /// <summary>Keys of the channel's messages this operation carries.</summary>
    public required IReadOnlyList<string> Messages { get; init; }

    /// <summary>Keys of the channel's messages the server replies with once the client has ended its stream; empty for none.</summary>
    public required IReadOnlyList<string> Reply { get; init; }

    public bool HasReply => Reply.Count > 0;

    /// <summary>The schemes any of which (with the others its alternative names) admits the upgrade; empty: open.</summary>
    public IReadOnlyList<string> Security { get; init; } = [];
}
