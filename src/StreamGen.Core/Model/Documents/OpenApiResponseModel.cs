namespace StreamGen.Model.Documents;

/// <summary>A response of an operation: its status, what it means, its headers and its content.</summary>
public sealed record OpenApiResponseModel(string Status, string Description, IReadOnlyList<OpenApiHeaderModel> Headers, IReadOnlyList<OpenApiMediaTypeModel> Content);
