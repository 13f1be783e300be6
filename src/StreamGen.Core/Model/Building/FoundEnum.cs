namespace StreamGen.Model.Building;

/// <summary>
/// A design enum before it is named: an attribute name, its distinct string values, and the record attributes that
/// declare exactly these. A class, not a value tuple: lists and LINQ over value tuples are generic code over structs that
/// ReadyToRun cannot precompile.
/// </summary>
internal sealed record FoundEnum(string Attribute, List<string> Values, List<EnumUse> Uses);
