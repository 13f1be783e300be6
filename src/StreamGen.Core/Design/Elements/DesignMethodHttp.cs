using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>The HTTP transport of a method (Goa HTTP): one route and where each payload attribute travels.</summary>
public sealed class DesignMethodHttp : DesignElement
{
    [JsonPropertyName("GET")]
    public string? Get { get; set; }

    [JsonPropertyName("POST")]
    public string? Post { get; set; }

    [JsonPropertyName("PUT")]
    public string? Put { get; set; }

    [JsonPropertyName("PATCH")]
    public string? Patch { get; set; }

    [JsonPropertyName("DELETE")]
    public string? Delete { get; set; }

    [JsonPropertyName("params")]
    [Description("Payload attributes read from the query string (Goa Param).")]
    public List<string>? Params { get; set; }

    [JsonPropertyName("headers")]
    [Description("Payload attribute to request header (Goa Header).")]
    public OrderedDictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("body")]
    [Description("The payload attribute that is the body; by default the body holds the attributes not mapped elsewhere.")]
    public string? Body { get; set; }

    [JsonPropertyName("response")]
    public DesignHttpResponse? Response { get; set; }

    [JsonPropertyName("errors")]
    [Description("Error name to HTTP status (Goa Response(name, status)).")]
    public OrderedDictionary<string, int>? Errors { get; set; }

    [JsonPropertyName("serverSentEvents")]
    [Description("Stream the result as Server-Sent Events instead of over a WebSocket.")]
    public DesignServerSentEvents? ServerSentEvents { get; set; }

    [JsonPropertyName("jsonLines")]
    [Description("Stream as JSON Lines (application/x-ndjson, one JSON value a line) alone: the result stream as the response body, or the payload stream as a chunked POST, PUT or PATCH body with the result (or 204) as the response. Not for a bidirectional stream.")]
    public bool? JsonLines { get; set; }

    [JsonPropertyName("skipRequestBodyEncodeDecode")]
    [Description("The handler reads the raw request body as a Stream.")]
    public bool? SkipRequestBodyEncodeDecode { get; set; }

    [JsonPropertyName("skipResponseBodyEncodeDecode")]
    [Description("The handler writes the raw response body as a Stream.")]
    public bool? SkipResponseBodyEncodeDecode { get; set; }

    /// <summary>Every verb key written, with its path, in verb order (a valid design has exactly one).</summary>
    public IEnumerable<DesignRoute> Routes()
    {
        if (Get is not null)
        {
            yield return new DesignRoute(HttpVerb.Get, Get);
        }

        if (Post is not null)
        {
            yield return new DesignRoute(HttpVerb.Post, Post);
        }

        if (Put is not null)
        {
            yield return new DesignRoute(HttpVerb.Put, Put);
        }

        if (Patch is not null)
        {
            yield return new DesignRoute(HttpVerb.Patch, Patch);
        }

        if (Delete is not null)
        {
            yield return new DesignRoute(HttpVerb.Delete, Delete);
        }
    }
}

public sealed class DesignHttpResponse : DesignElement
{
    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonPropertyName("headers")]
    [Description("Result attribute to response header.")]
    public OrderedDictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("contentType")]
    [Description("Content type of a raw (skipResponseBodyEncodeDecode) response body.")]
    public string? ContentType { get; set; }
}

/// <summary>Goa ServerSentEvents: which result attributes fill the SSE id/event/retry lines.</summary>
public sealed class DesignServerSentEvents : DesignElement
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("event")]
    public string? Event { get; set; }

    [JsonPropertyName("retry")]
    [Description("An integer result attribute for the retry: line.")]
    public string? Retry { get; set; }

    [JsonPropertyName("lastEventId")]
    [Description("The payload attribute that receives the Last-Event-ID request header (Goa SSERequestID).")]
    public string? LastEventId { get; set; }
}
