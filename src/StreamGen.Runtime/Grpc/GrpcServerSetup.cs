namespace StreamGen.Runtime;

using global::System;
using global::Microsoft.AspNetCore.Server.Kestrel.Core;
using global::Microsoft.Extensions.Configuration;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Options;

/// <summary>
/// What the generated host adds for gRPC besides grpc-dotnet's <c>AddGrpc</c>: <see cref="StreamGenGrpcOptions"/> from
/// configuration section <c>StreamGen:Grpc</c>, and Kestrel's HTTP/2 keep-alive pings from them, so a client that
/// vanished (no answer to a ping) is dropped and its calls canceled.
/// </summary>
public static class GrpcServerSetup
{
    public static IServiceCollection AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StreamGenGrpcOptions>().Bind(configuration.GetSection("StreamGen:Grpc"));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<StreamGenGrpcOptions>>((kestrel, grpc) =>
        {
            kestrel.Limits.Http2.KeepAlivePingDelay = grpc.Value.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = grpc.Value.KeepAlivePingTimeout;
        });
        return services;
    }
}
