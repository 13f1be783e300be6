namespace StreamGen.Model.Documents;

/// <summary>A request body: JSON (the payload, one attribute of it, or a body record), or raw bytes the handler streams.</summary>
public sealed record OpenApiRequestBodyModel(string Description, bool Required, IReadOnlyList<OpenApiMediaTypeModel> Content);
