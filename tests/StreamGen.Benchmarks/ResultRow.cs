namespace StreamGen.Benchmarks;

/// <summary>
/// One figure of the published table: a subject's median over the interleaved rounds of a scenario, next to the
/// baseline it is compared with (measured in the same run) and the target it is held to, when it has one.
/// </summary>
/// <param name="Scenario">The scenario's command-line name ("ws", "fanout").</param>
/// <param name="Metric">What is measured, with the workload ("msgs/s, 100 B", "RSS per subscriber").</param>
/// <param name="Subject">What produced the figure ("generated WebSocket").</param>
/// <param name="Value">The median of the rounds.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> and <paramref name="BaselineValue"/> ("msgs/s", "ms", "KiB").</param>
/// <param name="Min">Lowest round (the spread with <paramref name="Max"/>); equal to the value for one round.</param>
/// <param name="Max">Highest round.</param>
/// <param name="Baseline">The baseline subject, or null when the figure stands alone.</param>
/// <param name="BaselineValue">The baseline's median in the same run.</param>
/// <param name="Target">The target as text ("ratio >= 0.90", "< 20 KiB"), or null.</param>
/// <param name="Met">Whether the target was met; null without a target.</param>
internal sealed record ResultRow(
    string Scenario,
    string Metric,
    string Subject,
    double Value,
    string Unit,
    double Min,
    double Max,
    string? Baseline = null,
    double? BaselineValue = null,
    string? Target = null,
    bool? Met = null)
{
    /// <summary>Value divided by the baseline's value, or null without a baseline.</summary>
    public double? Ratio => BaselineValue is { } b && b != 0 ? Value / b : null;
}
