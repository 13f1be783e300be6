namespace StreamGen.Design;

public static class TypeRoleExtensions
{
    /// <summary>The design key the role is written under (<c>payload</c>, <c>streamingResult</c>).</summary>
    public static string Key(this TypeRole role) => role switch
    {
        TypeRole.Payload => "payload",
        TypeRole.StreamingPayload => "streamingPayload",
        TypeRole.Result => "result",
        _ => "streamingResult",
    };

    /// <summary>The role travels from client to server (payload, streaming payload).</summary>
    public static bool IsRequest(this TypeRole role) => role is TypeRole.Payload or TypeRole.StreamingPayload;
}
