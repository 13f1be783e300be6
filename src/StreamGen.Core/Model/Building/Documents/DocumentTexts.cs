using StreamGen.Design;
using StreamGen.Model.Documents;

namespace StreamGen.Model.Building.Documents;

/// <summary>The fixed texts of the documents: what the wire protocol and the HTTP transport do, whatever the design.</summary>
internal static class DocumentTexts
{
    /// <summary>The close codes of the wire protocol (design-format.md), each with when a stream ends with it.</summary>
    public static IReadOnlyList<CloseCodeModel> CloseCodes { get; } =
    [
        new(1000, "Normal Closure", "The stream ended: the server closes after its last message (it sends no null); the client closes after it has sent null and needs nothing more."),
        new(1001, "Going Away", "The server is shutting down."),
        new(1007, "Invalid Frame Payload Data", "A message failed decoding or validation; the reason names the check (missing_field, invalid_length, ...)."),
        new(1008, "Policy Violation", "Refused by policy (origin, authorization, rate), or the peer read its stream too slowly and was cut off."),
        new(1009, "Message Too Big", "A message was over the size limit."),
        new(1011, "Internal Error", "The handler failed: the reason names the design error, or fault for an unexpected one."),
    ];

    /// <summary>What a parameter named otherwise than its attribute carries: <c>The payload's `token`: …</c>.</summary>
    /// <summary>
    /// What the payload's credential attributes are (Goa's TokenField, APIKeyField...): they travel as the request's
    /// security, not as parameters or body fields, so the documents say so where a reader looks for them. Null for none.
    /// </summary>
    public static string? Credentials(Design.Types.DesignObject? payload)
    {
        var credentials = payload?.Attributes.Entries().Where(a => a.Value.Credential is not null).ToList() ?? [];
        return credentials.Count == 0 ? null
            : "The payload's credential attributes are the request's security credentials, not parameters: "
              + string.Join("; ", credentials.Select(a => $"`{a.Key}` is the {a.Value.Credential!.Part ?? "credential"} of the `{a.Value.Credential!.Scheme}` scheme"))
              + ". The server fills them from the credentials that admitted the request.";
    }

    public static string PayloadAttribute(string attribute, string? description) =>
        description is { Length: > 0 } text ? $"The payload's `{attribute}`: {text.Trim()}" : $"The payload's `{attribute}`.";

    public const string CloseReason = "The close reason of an error is `name: message` (Goa's error name and message), cut to 123 bytes.";

    public const string Validation = "The request is invalid: a path, query or header parameter or the body failed decoding or validation (the error body names the check: missing_field, invalid_format, invalid_length, invalid_range, ...).";

    public const string Fault = "The server failed (error name fault; its log has the details under the error's id).";

    public const string UpgradeRequired = "The request is no WebSocket upgrade (error name upgrade_required): this route streams over a WebSocket only.";

    public const string Unauthorized = "No valid credential for any of the operation's security alternatives (error name unauthorized); the WWW-Authenticate headers name each scheme's challenge. Refused before any upgrade or first byte.";

    public const string Forbidden = "Authenticated, but without a scope the operation requires (error name forbidden). Refused before any upgrade or first byte.";

    public const string GoaErrorHeader = "The error's name, as in the body.";

    public const string GoaViewHeader = "The view the server renders the results in (Goa's SetView); absent for the default view when the server chose none.";

    public const string EndOfStreamDescription =
        "The JSON text message null: the client has nothing more to send. The server's RecvAsync reports the end of the stream; a server with a result then sends it, and closes with 1000.";

    public const string SseEvent = "One Server-Sent Event; the response is a stream of them, and comment lines may come between them.";

    public const string NdjsonItem = "One result: the response has one JSON value a line, flushed as it is produced.";

    public const string InvalidLine = "A line of the request body is not JSON or fails validation (`invalid_json`, `missing_field`, ...): the stream ends there.";

    public const string LineTooBig = "A line of the request body is over the server's message size (`message_too_big`): the stream ends there.";

    public const string NotJsonLines = "The request body is not `application/x-ndjson` (`unsupported_media_type`).";

    public const string NdjsonRequestItem = "One streamed payload: the request body has one JSON value a line, read as it arrives.";
}
