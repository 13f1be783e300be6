namespace StreamGen.Model.Documents;

/// <summary>
/// A payload attribute read from the path, the query string or a header. Arrays repeat the query key
/// (<c>?tags=a&amp;tags=b</c>, OpenAPI's default form style) and are comma-separated in a header (the simple style).
/// </summary>
public sealed record OpenApiParameterModel(string Name, OpenApiParameterLocation In, bool Required, string? Description, SchemaModel Schema);
