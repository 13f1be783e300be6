using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A gRPC server stream as a generated one is: conversions bound, the design's rule on received messages.</summary>
internal sealed class TestGrpcServerStream(
    IAsyncStreamReader<ProtoMessage>? requests, IServerStreamWriter<ProtoMessage>? responses, ServerCallContext context)
    : GrpcServerStream<Message, ProtoMessage, Message, ProtoMessage>(requests, responses, context, p => new Message(p.Text), m => new ProtoMessage(m.Text))
{
    public ValueTask SendAsync(string text, CancellationToken cancellationToken = default) => SendCoreAsync(new Message(text), cancellationToken);

    public async ValueTask<string?> RecvAsync() => await ReceiveCoreAsync(default) is { HasValue: true } received ? received.Value.Text : null;

    public IAsyncEnumerable<Message> ReadAllAsync() => ReadAllCoreAsync(default);

    public void SetView(string view) => SetViewCore(view);

    public ValueTask OpenAsync() => OpenCoreAsync(default);

    protected override void ValidateReceived(Message message, ref ValidationErrors? errors) => Check.MinLength(ref errors, "text", message.Text, 1);
}
