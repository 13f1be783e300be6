using Acme.Logger.Runtime;
using Microsoft.Extensions.Options;
using StreamGen.Runtime.Redis;

namespace Acme.Logger;

/// <summary>
/// Registers the bus configuration <c>Logger:Bus</c> chooses: <c>memory</c> (the default: this process only) or
/// <c>redis</c> (Redis Streams at <c>Logger:Redis</c>, a StackExchange.Redis configuration string, default
/// <c>127.0.0.1:6379</c>; every instance on it serves the same entries). <c>Logger:Retain</c>,
/// <c>Logger:SubscriberQueue</c> and <c>Logger:SubscriberTimeout</c> apply to both; <c>Logger:EvictionWait</c> to the
/// in-process bus (Redis trims without waiting for readers).
/// </summary>
public static class LogBusRegistration
{
    public static IServiceCollection AddLogBus(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Logger");
        services.Configure<LogBusOptions>(section);
        var bus = section["Bus"] ?? "memory";
        return bus switch
        {
            "memory" => services.AddMemoryLogBus(),
            "redis" => services.AddRedisLogBus(section["Redis"] ?? "127.0.0.1:6379", section["RedisKeyPrefix"] ?? "{logger}:"),
            _ => throw new ServerConfigurationException($"Logger:Bus is '{bus}': use memory (this process only) or redis (with Logger:Redis=HOST:PORT)."),
        };
    }

    /// <summary>The in-process <see cref="LogBus"/>, as the bus and as itself (its diagnostics).</summary>
    public static IServiceCollection AddMemoryLogBus(this IServiceCollection services) =>
        services.AddSingleton<LogBus>().AddSingleton<ILogBus>(s => s.GetRequiredService<LogBus>());

    /// <summary>The <see cref="RedisLogBus"/> on <paramref name="configuration"/>; it connects at start and reconnects by itself while Redis is down.</summary>
    public static IServiceCollection AddRedisLogBus(this IServiceCollection services, string configuration, string keyPrefix = "{logger}:") =>
        services
            .AddSingleton(s =>
            {
                var options = s.GetRequiredService<IOptions<LogBusOptions>>().Value;
                var redis = new RedisStreamOptions
                {
                    KeyPrefix = keyPrefix,
                    Retain = options.Retain,
                    SubscriberQueue = options.SubscriberQueue,
                    SubscriberTimeout = options.SubscriberTimeout,
                };
                var logger = s.GetRequiredService<ILoggerFactory>().CreateLogger("Acme.Logger.RedisLogBus");
                return new RedisLogBus(RedisStreamBroadcast<LogRecord>.ConnectAsync(configuration, LoggerJsonContext.Default.LogRecord, redis, logger, withId: RedisLogBus.WithId).GetAwaiter().GetResult());
            })
            .AddSingleton<ILogBus>(s => s.GetRequiredService<RedisLogBus>());
}
