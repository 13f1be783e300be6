namespace StreamGen.Model.Documents;

/// <summary>A response header: a result attribute, the view (<c>Goa-View</c>) or the error's name (<c>goa-error</c>).</summary>
public sealed record OpenApiHeaderModel(string Name, string Description, bool Required, SchemaModel Schema);
