using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>
/// An interceptor (Goa <c>Interceptor</c>), declared once under <c>api.interceptors</c> and listed, in order, by services
/// and methods as <c>serverInterceptors</c> / <c>clientInterceptors</c> (Goa <c>ServerInterceptor</c>,
/// <c>ClientInterceptor</c>). It states which attributes of the payload, result, streamed payload messages and streamed
/// result messages it reads and writes (Goa <c>ReadPayload</c>, <c>WritePayload</c>, <c>ReadResult</c>,
/// <c>WriteResult</c>, <c>ReadStreamingPayload</c>, <c>WriteStreamingPayload</c>, <c>ReadStreamingResult</c>,
/// <c>WriteStreamingResult</c>); the generated code gives it exactly those, typed, and nothing else.
/// </summary>
public sealed class DesignInterceptor : DesignElement
{
    /// <summary>The keys that list attributes, in the order the generated views follow.</summary>
    public static IReadOnlyList<string> AccessKeys { get; } =
    [
        "readPayload", "writePayload", "readResult", "writeResult",
        "readStreamingPayload", "writeStreamingPayload", "readStreamingResult", "writeStreamingResult",
    ];

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("readPayload")]
    [Description("Payload attributes the interceptor reads (Goa ReadPayload).")]
    public List<string>? ReadPayload { get; set; }

    [JsonPropertyName("writePayload")]
    [Description("Payload attributes the interceptor sets before the call goes on (Goa WritePayload).")]
    public List<string>? WritePayload { get; set; }

    [JsonPropertyName("readResult")]
    [Description("Result attributes the interceptor reads once the call returned (Goa ReadResult).")]
    public List<string>? ReadResult { get; set; }

    [JsonPropertyName("writeResult")]
    [Description("Result attributes the interceptor sets once the call returned (Goa WriteResult).")]
    public List<string>? WriteResult { get; set; }

    [JsonPropertyName("readStreamingPayload")]
    [Description("Attributes of each streamed payload message the interceptor reads (Goa ReadStreamingPayload); it runs once per message.")]
    public List<string>? ReadStreamingPayload { get; set; }

    [JsonPropertyName("writeStreamingPayload")]
    [Description("Attributes of each streamed payload message the interceptor sets (Goa WriteStreamingPayload); it runs once per message.")]
    public List<string>? WriteStreamingPayload { get; set; }

    [JsonPropertyName("readStreamingResult")]
    [Description("Attributes of each streamed result message the interceptor reads (Goa ReadStreamingResult); it runs once per message.")]
    public List<string>? ReadStreamingResult { get; set; }

    [JsonPropertyName("writeStreamingResult")]
    [Description("Attributes of each streamed result message the interceptor sets (Goa WriteStreamingResult); it runs once per message.")]
    public List<string>? WriteStreamingResult { get; set; }

    /// <summary>The attributes read and written of <paramref name="role"/>, with the key that lists each.</summary>
    public (List<string> Reads, List<string> Writes) Access(TypeRole role) => role switch
    {
        TypeRole.Payload => (ReadPayload ?? [], WritePayload ?? []),
        TypeRole.Result => (ReadResult ?? [], WriteResult ?? []),
        TypeRole.StreamingPayload => (ReadStreamingPayload ?? [], WriteStreamingPayload ?? []),
        _ => (ReadStreamingResult ?? [], WriteStreamingResult ?? []),
    };

    /// <summary>Whether it reads or writes anything of <paramref name="role"/>.</summary>
    public bool Accesses(TypeRole role) => Access(role) is var (reads, writes) && (reads.Count > 0 || writes.Count > 0);

    /// <summary>Whether it runs once per streamed message (it reads or writes streamed messages).</summary>
    public bool IsStreaming => Accesses(TypeRole.StreamingPayload) || Accesses(TypeRole.StreamingResult);
}
