namespace StreamGen.Model.Documents;

/// <summary>A path parameter of a channel's address; AsyncAPI 3.0 parameters are strings, so values are as they appear in the path.</summary>
public sealed record AsyncApiParameterModel(string Name, string? Description, IReadOnlyList<string> Enum, string? Default, IReadOnlyList<string> Examples);
