namespace StreamGen.Runtime;

using global::System;
using global::System.Globalization;
using global::System.Net;
using global::System.Text;
using global::Microsoft.AspNetCore.Server.Kestrel.Core;
using global::Microsoft.Extensions.Configuration;

/// <summary>
/// Where the generated host listens, read from configuration the ASP.NET Core way (<c>--Http:Port=9000</c>,
/// <c>Http__Port</c>, appsettings) over the design's defaults: HTTP/1.1 (WebSockets, SSE, JSON) on one port when the
/// design has HTTP routes, gRPC over HTTP/2 without TLS (h2c) on another when it has gRPC services. Loopback unless a host
/// such as 0.0.0.0 is given.
/// </summary>
public sealed record ServerEndpoints(string HttpHost, int HttpPort, string GrpcHost, int GrpcPort, bool HasHttp, bool HasGrpc)
{
    /// <summary>Reads and checks the configuration; a bad value throws <see cref="ServerConfigurationException"/> with a one-line message.</summary>
    public static ServerEndpoints Read(IConfiguration configuration, string httpHost, int httpPort, string grpcHost, int grpcPort, bool hasHttp, bool hasGrpc)
    {
        var endpoints = new ServerEndpoints(
            Host(configuration, "Http:Host", httpHost),
            Port(configuration, "Http:Port", httpPort),
            Host(configuration, "Grpc:Host", grpcHost),
            Port(configuration, "Grpc:Port", grpcPort),
            hasHttp,
            hasGrpc);
        if (hasHttp && hasGrpc && endpoints.HttpPort == endpoints.GrpcPort)
        {
            throw new ServerConfigurationException($"Http:Port and Grpc:Port are both {endpoints.HttpPort}: WebSockets need HTTP/1.1 and gRPC needs HTTP/2, so they listen on two ports.");
        }

        return endpoints;
    }

    /// <summary>Endpoint metadata that keeps HTTP routes on the HTTP port's listener, whatever Host header a proxy forwards.</summary>
    public ListenerPortMetadata HttpListener => new(HttpPort);

    /// <summary>Endpoint metadata that keeps gRPC services on the gRPC port's listener, whatever Host header a proxy forwards.</summary>
    public ListenerPortMetadata GrpcListener => new(GrpcPort);

    public string HttpUrl => $"http://{Display(HttpHost)}:{HttpPort}";

    public string GrpcUrl => $"http://{Display(GrpcHost)}:{GrpcPort}";

    public void Listen(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);

        // Header values (and gRPC metadata) are UTF-8 both ways, the bytes Goa's Go clients and servers send for a string
        // with non-ASCII letters; Kestrel's default refuses such a request outright (400), before any validation could
        // name the header, and fails a response that sets one.
        kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
        kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
        if (HasHttp)
        {
            Listen(kestrel, HttpHost, HttpPort, HttpProtocols.Http1);
        }

        if (HasGrpc)
        {
            Listen(kestrel, GrpcHost, GrpcPort, HttpProtocols.Http2);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, HttpProtocols protocols)
    {
        if (host == "localhost")
        {
            kestrel.ListenLocalhost(port, listen => listen.Protocols = protocols);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host), port, listen => listen.Protocols = protocols);
        }
    }

    private static string Host(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key] ?? fallback;
        return value == "localhost" || IPAddress.TryParse(value, out _)
            ? value
            : throw new ServerConfigurationException($"{key} is '{value}': use localhost or an IP address such as 0.0.0.0.");
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new ServerConfigurationException($"{key} is '{value}': a port is a number from 1 to 65535.");
        }

        return port != 0
            ? port
            : throw new ServerConfigurationException($"{key} is 0: pick a port (1..65535); the server does not choose one, so clients always know where it is.");
    }

    private static string Display(string host) => host.Contains(':') ? $"[{host}]" : host;
}
