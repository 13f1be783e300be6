using Microsoft.AspNetCore.Http;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A server stream as a generated one is: typed operations over the runtime's, and a design rule on received messages.</summary>
internal sealed class TestServerStream(HttpContext context) : WebSocketServerStream<Message, Message>(context, TestJson.Default.Message, TestJson.Default.Message)
{
    public ValueTask SendAsync(string text) => SendCoreAsync(new Message(text), WebSocketExchange.Timeout());

    public async ValueTask<string?> RecvAsync() => await ReceiveCoreAsync(WebSocketExchange.Timeout()) is { HasValue: true } received ? received.Value.Text : null;

    public IAsyncEnumerable<Message> ReadAllAsync() => ReadAllCoreAsync(WebSocketExchange.Timeout());

    public void SetView(string view) => SetViewCore(view);

    public ValueTask OpenAsync() => OpenCoreAsync(WebSocketExchange.Timeout());

    /// <summary>The design's rule: text is required (the JSON reader leaves a missing one null).</summary>
    protected override void ValidateReceived(Message message, ref ValidationErrors? errors)
    {
        if (message.Text is null)
        {
            Check.Missing(ref errors, "text");
        }
    }
}
