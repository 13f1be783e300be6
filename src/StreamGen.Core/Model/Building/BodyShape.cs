namespace StreamGen.Model.Building;

/// <summary>What a request or response body holds; for a partial body, the attributes of its body record.</summary>
internal sealed record BodyShape(BodyKind Kind, IReadOnlyList<string> Attributes);
