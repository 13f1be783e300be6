namespace StreamGen.Tests.Properties.Spec;

/// <summary>An object type: its attributes in order, the required ones, an optional description.</summary>
internal sealed record ObjectSpec(IReadOnlyList<AttributeSpec> Attributes, IReadOnlyList<string> Required, string? Description = null);
