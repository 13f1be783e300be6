namespace StreamGen.Runtime;

using global::System;
using global::System.Net.WebSockets;
using global::System.Text;

/// <summary>
/// A stream was closed with a status other than a normal end: 1007 (invalid message), 1008 (policy), 1009 (too big),
/// 1011 (handler error), 1001 (server going away), or the connection dropped. The error name comes from the close
/// reason (<c>name: message</c>).
/// </summary>
public sealed class StreamClosedException : ServiceError
{
    public StreamClosedException(WebSocketCloseStatus? closeStatus, string name, string message, Exception? innerException = null)
        : base(name, message, temporary: closeStatus == WebSocketCloseStatus.EndpointUnavailable, innerException: innerException)
    {
        CloseStatus = closeStatus;
    }

    /// <summary>The close status the peer sent; null when the connection dropped without a close frame.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>Reads a close frame's status and <c>name: message</c> reason.</summary>
    public static StreamClosedException FromClose(WebSocketCloseStatus? status, string? reason)
    {
        var text = reason ?? "";
        var separator = text.IndexOf(": ", StringComparison.Ordinal);
        var name = separator > 0 ? text[..separator] : DefaultName(status);
        var message = separator > 0 ? text[(separator + 2)..] : text.Length > 0 ? text : $"stream closed with status {(int?)status}";
        return new StreamClosedException(status, name, message);
    }

    /// <summary>The <c>name: message</c> close reason, cut to the 123 bytes a close frame allows, on a UTF-8 boundary.</summary>
    public static string Reason(string name, string message)
    {
        var reason = $"{name}: {message}";
        var bytes = Encoding.UTF8.GetByteCount(reason);
        if (bytes <= 123)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > 123 || (length > 0 && char.IsHighSurrogate(reason[length - 1])))
        {
            length--;
        }

        return reason[..length];
    }

    private static string DefaultName(WebSocketCloseStatus? status) => status switch
    {
        WebSocketCloseStatus.InvalidPayloadData => "invalid_message",
        WebSocketCloseStatus.PolicyViolation => "policy_violation",
        WebSocketCloseStatus.MessageTooBig => "message_too_big",
        WebSocketCloseStatus.EndpointUnavailable => "going_away",
        WebSocketCloseStatus.InternalServerError => "fault",
        null => "connection_lost",
        _ => "closed",
    };
}
