using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A gRPC client stream as a generated one is: conversions bound, the design's rule on received messages.</summary>
internal sealed class TestGrpcClientStream(
    IDisposable call, IClientStreamWriter<ProtoMessage>? requests, IAsyncStreamReader<ProtoMessage>? responses, Metadata headers)
    : GrpcClientStream<Message, ProtoMessage, Message, ProtoMessage>(call, requests, responses, headers, m => new ProtoMessage(m.Text), p => new Message(p.Text))
{
    public string? View => ViewName;

    public ValueTask SendAsync(string text, CancellationToken cancellationToken = default) => SendCoreAsync(new Message(text), cancellationToken);

    public async ValueTask<string?> RecvAsync(CancellationToken cancellationToken = default) =>
        await ReceiveCoreAsync(cancellationToken) is { HasValue: true } received ? received.Value.Text : null;

    public ValueTask CloseAsync() => CloseSendingAsync(default);

    public ValueTask<Message> CloseAndRecvAsync(Task<ProtoMessage> response) =>
        CloseAndReceiveCoreAsync(response, p => new Message(p.Text), m => m.Text.Length == 0 ? Invalid() : null, default);

    protected override void ValidateReceived(Message message, ref ValidationErrors? errors) => Check.MinLength(ref errors, "text", message.Text, 1);

    private static ValidationErrors Invalid()
    {
        var errors = new ValidationErrors();
        errors.Add("invalid_length", "text", "length must be at least 1, but is 0");
        return errors;
    }
}
