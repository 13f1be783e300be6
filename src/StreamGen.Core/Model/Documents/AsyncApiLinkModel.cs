namespace StreamGen.Model.Documents;

/// <summary>
/// Where the AsyncAPI document describes a WebSocket route: the document's file name, relative to the OpenAPI one (both
/// sit in gen/ and are served side by side), and JSON pointers to its channel and operations.
/// </summary>
public sealed record AsyncApiLinkModel(string Document, string Channel, IReadOnlyList<string> Operations);
