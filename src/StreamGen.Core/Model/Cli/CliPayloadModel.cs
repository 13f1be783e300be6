namespace StreamGen.Model.Cli;

/// <summary>
/// How a command builds its payload from its options: a record with one option per attribute
/// (<see cref="RecordName"/> and <see cref="Assignments"/>), or a payload that is one value (<see cref="Single"/>, <c>--payload</c>).
/// </summary>
public sealed record CliPayloadModel
{
    /// <summary>The payload record (<c>SubscribePayload</c>), or null for a single value.</summary>
    public required string? RecordName { get; init; }

    /// <summary>Each record property with the option that fills it, in the record's order.</summary>
    public required IReadOnlyList<CliAssignmentModel> Assignments { get; init; }

    /// <summary>The option of a payload that is one value, or null for a record.</summary>
    public required CliOptionModel? Single { get; init; }

    public bool IsRecord => RecordName is not null;

    public bool HasAssignments => Assignments.Count > 0;
}
