namespace StreamGen.Model.Documents;

/// <summary>
/// A content type and its schema. For the streaming types (<c>text/event-stream</c>, <c>application/x-ndjson</c>) the
/// schema describes one item of the stream, as OpenAPI 3.2's <c>itemSchema</c> does; a raw body has none.
/// </summary>
public sealed record OpenApiMediaTypeModel(string ContentType, SchemaModel? Schema);
