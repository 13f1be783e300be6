namespace StreamGen.Model.Documents;

/// <summary>
/// A message: one JSON value in one text frame. A result type streamed in a view the server chooses has a message per
/// view, told apart by the view the upgrade response names in its <c>Goa-View</c> header (<see cref="Headers"/>).
/// </summary>
public sealed record AsyncApiMessageModel
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required string? Summary { get; init; }

    public required string? Description { get; init; }

    public required SchemaModel Payload { get; init; }

    /// <summary>The <c>Goa-View</c> header of a message in a view; null otherwise.</summary>
    public required SchemaModel? Headers { get; init; }
}
