namespace StreamGen.Runtime.Tests.Support;

/// <summary>The client end of a Server-Sent Events stream as a generated one is, with the design's rule on received messages.</summary>
internal sealed class TestEventClientStream(HttpResponseMessage response, Stream body)
    : ServerSentEventsClientStream<Message>(ServerSentEventsConnection.Of(response, body), TestJson.Default.Message)
{
    public string? View => ViewName;

    public async ValueTask<Message?> RecvAsync() => await ReceiveCoreAsync(default) is { HasValue: true } received ? received.Value : null;

    public IAsyncEnumerable<Message> ReadAllAsync() => ReadAllCoreAsync(default);

    protected override void ValidateReceived(Message message, ref ValidationErrors? errors)
    {
        if (message.Text is null)
        {
            Check.Missing(ref errors, "text");
        }
    }
}
