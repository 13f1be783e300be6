namespace StreamGen.Runtime;

using global::System;
using global::System.Net;
using global::System.Threading.RateLimiting;
using global::Microsoft.AspNetCore.Builder;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.RateLimiting;
using global::Microsoft.Extensions.Configuration;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.DependencyInjection.Extensions;
using global::Microsoft.Extensions.Options;

/// <summary>
/// What the generated host adds for HTTP: <see cref="StreamGenWebSocketOptions"/> from configuration section
/// <c>StreamGen:Http</c>, the per-address stream count (<see cref="ClientStreamCounter"/>), and a limit on WebSocket
/// upgrades per second per client address with ASP.NET Core's rate limiter (a token bucket per address; 429 with Goa's
/// error body <c>rate_limited</c> past it). The limiter is the application's global one unless the application set its own.
/// </summary>
public static class HttpServerSetup
{
    public static IServiceCollection AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StreamGenWebSocketOptions>().Bind(configuration.GetSection("StreamGen:Http"));
        services.TryAddSingleton<ClientStreamCounter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<StreamGenWebSocketOptions>>((limiter, options) =>
        {
            if (limiter.GlobalLimiter is not null || options.Value.UpgradesPerSecond <= 0)
            {
                return;
            }

            limiter.GlobalLimiter = UpgradeLimiter(options.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = static (context, _) => new(HttpErrors.WriteAsync(
                context.HttpContext,
                new ServiceError("rate_limited", "too many stream upgrades from this address: retry later", temporary: true),
                static _ => StatusCodes.Status429TooManyRequests));
        });
        return services;
    }

    /// <summary>Adds the rate limiter's middleware (before the endpoints).</summary>
    public static IApplicationBuilder UseLimits(IApplicationBuilder app) => app.UseRateLimiter();

    private static PartitionedRateLimiter<HttpContext> UpgradeLimiter(StreamGenWebSocketOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, IPAddress>(context =>
            WebSocketAcceptor.IsWebSocketRequest(context)
                ? RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress ?? IPAddress.None, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(options.UpgradeBurst, 1),
                    TokensPerPeriod = options.UpgradesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(IPAddress.None));
}
