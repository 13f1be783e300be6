namespace StreamGen.Model.Documents;

/// <summary>A property of an object schema: the attribute's JSON name and its schema.</summary>
public sealed record SchemaPropertyModel(string Name, SchemaModel Schema);
