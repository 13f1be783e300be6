namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Grpc.Core.Interceptors;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Options;

/// <summary>
/// Hands <see cref="StreamGenGrpcOptions"/> and the host's stopping token to every call (in
/// <see cref="ServerCallContext.UserState"/>), where the generated stream types read their queue limit, stall timeout
/// and shutdown: they are built from the call alone. The generated host adds it with
/// <c>AddGrpc(options =&gt; options.Interceptors.Add&lt;GrpcStreamOptionsInterceptor&gt;())</c>.
/// </summary>
public sealed class GrpcStreamOptionsInterceptor(IOptions<StreamGenGrpcOptions> options, IHostApplicationLifetime? lifetime = null) : Interceptor
{
    private static readonly StreamGenGrpcOptions Defaults = new();

    /// <summary>The options of a call, or the defaults when no interceptor put them there.</summary>
    public static StreamGenGrpcOptions For(ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(StreamGenGrpcOptions), out var value) && value is StreamGenGrpcOptions options ? options : Defaults;

    /// <summary>Canceled when the server starts shutting down (none when no interceptor put it there).</summary>
    public static CancellationToken Stopping(ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(IHostApplicationLifetime), out var value) && value is IHostApplicationLifetime lifetime ? lifetime.ApplicationStopping : default;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Attach(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Attach(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Attach(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Attach(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Attach(ServerCallContext context)
    {
        context.UserState[typeof(StreamGenGrpcOptions)] = options.Value;
        if (lifetime is not null)
        {
            context.UserState[typeof(IHostApplicationLifetime)] = lifetime;
        }
    }
}
