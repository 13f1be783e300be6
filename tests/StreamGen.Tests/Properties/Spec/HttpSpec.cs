namespace StreamGen.Tests.Properties.Spec;

/// <summary>A method's <c>http</c>: route, where payload attributes travel, the response, errors, SSE and raw bodies.</summary>
internal sealed record HttpSpec(
    string Verb,
    string Path,
    IReadOnlyList<string> Params,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body = null,
    int? Status = null,
    IReadOnlyList<KeyValuePair<string, string>>? ResponseHeaders = null,
    IReadOnlyList<KeyValuePair<string, int>>? Errors = null,
    SseSpec? ServerSentEvents = null,
    bool SkipRequestBody = false,
    bool SkipResponseBody = false,
    string? ContentType = null);

/// <summary><c>serverSentEvents</c>: result attributes for the id, event and retry lines, the payload attribute for Last-Event-ID.</summary>
internal sealed record SseSpec(string? Id = null, string? Event = null, string? Retry = null, string? LastEventId = null);
