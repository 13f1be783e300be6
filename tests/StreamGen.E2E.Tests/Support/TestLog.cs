using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StreamGen.E2E.Tests.Support;

/// <summary>Collects server log lines so a test can assert what the server logged (and print it when it fails).</summary>
public static class TestLog
{
    private static readonly ConcurrentQueue<string> Lines = new();

    public static ILoggerProvider Provider { get; } = new CollectingProvider();

    public static IReadOnlyCollection<string> Snapshot() => Lines.ToArray();

    private sealed class CollectingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
