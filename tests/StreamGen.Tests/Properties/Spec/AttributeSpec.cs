namespace StreamGen.Tests.Properties.Spec;

/// <summary>
/// One attribute: its type, protobuf field number, and validations written as YAML values (<c>("minimum", "3")</c>),
/// chosen by the generator to be consistent with the type and with each other.
/// </summary>
internal sealed record AttributeSpec(string Name, TypeExpr Type, int? Field, IReadOnlyList<KeyValuePair<string, string>> Validations, string? Description = null);
