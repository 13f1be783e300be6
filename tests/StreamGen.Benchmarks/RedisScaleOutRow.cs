using System.Globalization;

namespace StreamGen.Benchmarks;

/// <summary>One row of the Redis scale-out table: rates in entries per second, lag in milliseconds, Redis commands per published entry.</summary>
internal sealed record RedisScaleOutRow(
    int Instances,
    int Subscribers,
    int Entries,
    double PublishedPerSecond,
    double DeliveredPerSecond,
    double LagP50Ms,
    double LagP99Ms,
    double CommandsPerEntry,
    double XReadPerEntry,
    double XRangePerEntry,
    long Connections)
{
    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"| {Instances} | {Subscribers:N0} | {Entries:N0} | {PublishedPerSecond:N0} | {DeliveredPerSecond:N0} | {LagP50Ms:0.0} | {LagP99Ms:0.0} | {CommandsPerEntry:0.00} | {XReadPerEntry:0.000} | {XRangePerEntry:0.000} | {Connections} |");
}
