using Microsoft.AspNetCore.Http;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A Server-Sent Events stream as a generated one is: the message's id, event and retry come from its attributes.</summary>
internal sealed class TestEventStream(HttpContext context) : ServerSentEventsStream<Message>(context, TestJson.Default.Message)
{
    public ValueTask SendAsync(Message message, string? id = null, string? eventName = null, long? retry = null) =>
        WriteEventAsync(id, eventName, retry, message, default);

    public void SetView(string view) => SetViewCore(view);

    public ValueTask OpenAsync() => OpenCoreAsync(default);
}
