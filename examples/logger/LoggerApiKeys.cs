using System.Security.Cryptography;
using System.Text;

namespace Acme.Logger;

/// <summary>
/// The API keys <c>publish</c> and <c>upload</c> accept: configuration <c>Logger:ApiKeys</c> (<c>--Logger:ApiKeys:0=KEY</c>,
/// <c>Logger__ApiKeys__0</c>). With none configured, one random key is generated at start-up and logged once, so a local run
/// works at once and a deployment never runs open. Registered as a hosted service so that the generated key is logged at start-up.
/// </summary>
public sealed partial class LoggerApiKeys : IHostedService
{
    private readonly byte[][] _keys;
    private readonly ILogger<LoggerApiKeys> _logger;
    private readonly string? _generated;

    public LoggerApiKeys(IConfiguration configuration, ILogger<LoggerApiKeys> logger)
    {
        var configured = configuration.GetSection("Logger:ApiKeys").GetChildren()
            .Select(c => c.Value)
            .OfType<string>()
            .Where(k => k.Length > 0)
            .ToList();
        if (configured.Count == 0)
        {
            _generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            configured.Add(_generated);
        }

        _keys = [.. configured.Select(Encoding.UTF8.GetBytes)];
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_generated is not null)
        {
            LogGenerated(_logger, _generated);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether <paramref name="key"/> is one of the keys, compared in constant time.</summary>
    public bool IsValid(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        var valid = false;
        foreach (var candidate in _keys)
        {
            valid |= CryptographicOperations.FixedTimeEquals(candidate, bytes);
        }

        return valid;
    }

    [LoggerMessage(1, LogLevel.Warning, "No Logger:ApiKeys configured: publish and upload accept the generated key {ApiKey} (send it as X-API-Key, or ?api_key= from a browser)")]
    private static partial void LogGenerated(ILogger logger, string apiKey);
}
