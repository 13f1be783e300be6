namespace StreamGen.Model.Documents;

/// <summary>A path (<c>/logs/{topic}</c>) and the operations of the methods routed to it, in verb order.</summary>
public sealed record OpenApiPathModel(string Path, IReadOnlyList<OpenApiOperationModel> Operations);
