using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>
/// A reverse proxy in front of logger instances, as a load balancer would be: YARP on two free ports (HTTP/1.1 for
/// WebSockets, SSE and JSON; h2c for gRPC), round-robin over the instances for every new request or connection, and the
/// public name <see cref="PublicHost"/> in the Host header it forwards (no port: what the instances never listen on).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public const string PublicHost = "logs.example.com";
    private readonly WebApplication _app;

    private LoadBalancer(WebApplication app, int httpPort, int grpcPort, ConcurrentQueue<(string Path, string Destination)> forwarded)
    {
        _app = app;
        Forwarded = forwarded;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}/");
    }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    /// <summary>Each request the proxy forwarded: its path and the instance (destination address) that served it.</summary>
    public ConcurrentQueue<(string Path, string Destination)> Forwarded { get; }

    public static async Task<LoadBalancer> StartAsync(IReadOnlyList<RedisLogger> instances)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        RouteConfig[] routes =
        [
            new() { RouteId = "http", ClusterId = "http", Match = new RouteMatch { Path = "{**rest}", Hosts = [$"127.0.0.1:{httpPort}"] } },
            new() { RouteId = "grpc", ClusterId = "grpc", Match = new RouteMatch { Path = "{**rest}", Hosts = [$"127.0.0.1:{grpcPort}"] } },
        ];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = "http",
                LoadBalancingPolicy = "RoundRobin",
                Destinations = instances.Select((i, n) => (n, i)).ToDictionary(p => $"http{p.n}", p => new DestinationConfig { Address = $"http://127.0.0.1:{p.i.HttpPort}/" }),
            },
            new()
            {
                ClusterId = "grpc",
                LoadBalancingPolicy = "RoundRobin",
                HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                Destinations = instances.Select((i, n) => (n, i)).ToDictionary(p => $"grpc{p.n}", p => new DestinationConfig { Address = $"http://127.0.0.1:{p.i.GrpcPort}/" }),
            },
        ];

        var forwarded = new ConcurrentQueue<(string Path, string Destination)>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(context => context.AddRequestTransform(transform =>
            {
                // The public name, as a load balancer in front of a real deployment forwards it.
                transform.ProxyRequest.Headers.Host = PublicHost;
                forwarded.Enqueue((transform.HttpContext.Request.Path.Value ?? "", transform.DestinationPrefix));
                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new LoadBalancer(app, httpPort, grpcPort, forwarded);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
