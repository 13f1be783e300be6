namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// The server end of a server-streaming RPC (design: <c>streamingResult</c>): the handler sends results, converted to
/// the response message, until it returns. grpc-dotnet's <c>ServerStreamingServerCallHandler</c> for the design's handler.
/// </summary>
public abstract class GrpcServerStreamingStream<TResult, TResponse>(IServerStreamWriter<TResponse> responses, ServerCallContext context, Func<TResult, TResponse> toProto)
    : GrpcServerStream<NoMessage, NoMessage, TResult, TResponse>(null, responses, context, null, toProto), IStreamSender<TResult>
{
    public ValueTask SendAsync(TResult message, CancellationToken cancellationToken = default) => SendCoreAsync(Render(message), cancellationToken);

    /// <summary>Runs the method's handler on this stream; its error, if any, becomes the call's status (<paramref name="errorStatus"/> maps design errors).</summary>
    public Task ServeAsync(Func<string, StatusCode?> errorStatus, ILogger logger, Func<CancellationToken, Task> handler) => ServeCoreAsync(errorStatus, logger, handler);

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual TResult Render(TResult message) => message;
}
