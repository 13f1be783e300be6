namespace StreamGen.Model.Building;

/// <summary>The C# names an attribute takes in its record: the property, the local a null check binds, the regex method.</summary>
internal sealed record PropertyNames(string Property, string Local, string? PatternMethod);
