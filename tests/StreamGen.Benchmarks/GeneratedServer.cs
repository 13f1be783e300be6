using Acme.Logger;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Runtime = Acme.Logger.Runtime;

namespace StreamGen.Benchmarks;

/// <summary>
/// The generated server of examples/logger as its host registers it (authentication with the API key publish and
/// upload require, authorization, the generated options), serving <see cref="BenchLoggerService"/>, and its clients
/// carrying the key. The key is checked once per call, so it costs the per-message figures nothing.
/// </summary>
internal static class GeneratedServer
{
    public const string ApiKey = "benchmark-key";

    public static Runtime::ClientCredentials Credentials { get; } = Runtime::ClientCredentials.Key(ApiKey);

    /// <summary>HTTP/1.1 (WebSocket, SSE, raw bodies) or, with <paramref name="grpc"/>, HTTP/2 gRPC.</summary>
    public static Task<Server> StartAsync(Workload workload, bool grpc = false) => Server.StartAsync(
        grpc ? HttpProtocols.Http2 : HttpProtocols.Http1,
        builder =>
        {
            builder.Configuration["Logger:ApiKeys:0"] = ApiKey;
            builder.Services.AddSingleton<ILoggerService>(new BenchLoggerService(workload));
            builder.Services.AddSingleton<LoggerApiKeys>();
            builder.Services.AddLoggerAuthentication();
            builder.Services.AddLoggerAuthorization();
            if (grpc)
            {
                Runtime::GrpcServerSetup.AddOptions(builder.Services, builder.Configuration);
                builder.Services.AddGrpc(options => options.Interceptors.Add<Runtime::GrpcStreamOptionsInterceptor>());
            }
        },
        app =>
        {
            Runtime::SecurityPipeline.Use(app, [], bearerWebSocketProtocol: false);
            if (grpc)
            {
                app.MapGrpcService<LoggerGrpcService>();
            }
            else
            {
                app.MapLogger();
            }
        });

    public static (LoggerHttpClient Client, HttpClient Http) HttpClient(Uri server, Runtime::StreamGenClientOptions? options = null)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        options ??= new Runtime::StreamGenClientOptions();
        options.Credentials ??= Credentials;
        return (new LoggerHttpClient(http, options), http);
    }

    public static (LoggerGrpcClient Client, GrpcChannel Channel) GrpcClient(Uri server)
    {
        var channel = GrpcChannel.ForAddress(server);
        return (new LoggerGrpcClient(channel, credentials: Credentials), channel);
    }
}
