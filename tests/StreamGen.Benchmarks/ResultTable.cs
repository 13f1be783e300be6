using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace StreamGen.Benchmarks;

/// <summary>
/// Every figure of one run, written at the end as JSON (for tools) and Markdown (for docs/benchmarks.md) to
/// artifacts/benchmarks/, with the machine, the command and the load average it ran under.
/// </summary>
internal sealed class ResultTable(string command, bool quick)
{
    // A figure a quick run could not measure (a rate over a zero interval) is written as "Infinity"/"NaN", not a crash.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly List<ResultRow> _rows = [];
    private readonly List<ScenarioOutcome> _scenarios = [];
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly string _loadAtStart = LoadAverage();

    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Records that a scenario ran (or failed, with the error's message) and how long it took.</summary>
    public void Ran(string scenario, double seconds, string? error) =>
        _scenarios.Add(new ScenarioOutcome(scenario, seconds, _rows.Count(r => r.Scenario == scenario), error));

    public void Add(ResultRow row)
    {
        lock (_rows)
        {
            _rows.Add(row);
        }
    }

    /// <summary>
    /// Adds one row per subject for each metric of an interleaved comparison, compared with the subject
    /// <paramref name="baselineOf"/> names (by default the first subject; null for none). <paramref name="target"/> gets
    /// the subject, the metric, the median and the baseline's median, and returns the target's text and whether it was met.
    /// </summary>
    public void AddComparison(string scenario, InterleavedResult result, Func<string, string, double, double?, (string Text, bool Met)?>? target = null, Func<string, string?>? baselineOf = null)
    {
        baselineOf ??= _ => result.Subjects[0];
        foreach (var metric in result.Metrics)
        {
            foreach (var subject in result.Subjects)
            {
                var values = result.Values(subject, metric.Name);
                if (values.Count == 0)
                {
                    continue;
                }

                var baseline = baselineOf(subject);
                var isBaseline = baseline is null || subject == baseline || result.Values(baseline, metric.Name).Count == 0;
                var baselineValue = isBaseline ? (double?)null : result.Median(baseline!, metric.Name);
                var median = Stats.Median(values);
                var goal = target?.Invoke(subject, metric.Name, median, baselineValue);
                Add(new ResultRow(scenario, metric.Name, subject, median, metric.Unit, values.Min(), values.Max(),
                    isBaseline ? null : baseline, baselineValue, goal?.Text, goal?.Met));
            }
        }
    }

    /// <summary>Prints rows of one scenario as a fixed-width table.</summary>
    public void Print(string scenario)
    {
        Console.WriteLine($"  {"metric",-34} {"subject",-30} {"median",12} {"unit",-8} {"min - max",25} {"baseline",12} {"ratio",7}  target");
        foreach (var row in _rows.Where(r => r.Scenario == scenario))
        {
            Console.WriteLine($"  {row.Metric,-34} {row.Subject,-30} {Format(row.Value),12} {row.Unit,-8} {$"{Format(row.Min)} - {Format(row.Max)}",25} " +
                $"{(row.BaselineValue is { } b ? Format(b) : ""),12} {(row.Ratio is { } r ? $"{r:N2}x" : ""),7}  {TargetText(row)}");
        }

        Console.WriteLine();
    }

    public (string Json, string Markdown) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "benchmarks.json");
        var markdown = Path.Combine(directory, "benchmarks.md");
        var document = new
        {
            command,
            quick,
            started = _started,
            finished = DateTimeOffset.UtcNow,
            machine = Machine(),
            loadAverageAtStart = _loadAtStart,
            loadAverageAtEnd = LoadAverage(),
            scenarios = _scenarios,
            rows = _rows.Select(r => new
            {
                r.Scenario, r.Metric, r.Subject, r.Value, r.Unit, r.Min, r.Max, r.Baseline, r.BaselineValue, r.Ratio, r.Target, r.Met,
            }),
        };
        File.WriteAllText(json, JsonSerializer.Serialize(document, Indented));
        File.WriteAllText(markdown, ToMarkdown());
        return (json, markdown);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`{(quick ? " (QUICK: smoke test, figures meaningless)" : "")}  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Date: {_started:yyyy-MM-dd HH:mm} UTC  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min) at start: {_loadAtStart}; at end: {LoadAverage()}");
        text.AppendLine();
        text.AppendLine("| scenario | metric | subject | median | unit | min – max | baseline | baseline median | ratio | target |");
        text.AppendLine("|---|---|---|---:|---|---:|---|---:|---:|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Metric} | {row.Subject} | {Format(row.Value)} | {row.Unit} | {Format(row.Min)} – {Format(row.Max)} | " +
                $"{row.Baseline} | {(row.BaselineValue is { } b ? Format(b) : "")} | {(row.Ratio is { } r ? r.ToString("N2", CultureInfo.InvariantCulture) + "x" : "")} | {TargetText(row)} |");
        }

        return text.ToString();
    }

    private static string TargetText(ResultRow row) => row.Target is null ? "" : $"{row.Target}: {(row.Met == true ? "met" : "MISSED")}";

    /// <summary>Three significant digits at most, thousands separated: figures here are never more precise than that.</summary>
    public static string Format(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
            : magnitude >= 10 ? value.ToString("N1", CultureInfo.InvariantCulture)
            : magnitude >= 1 ? value.ToString("N2", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{RuntimeInformation.OSDescription}, {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):N0} MiB, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }

    // Other work on the machine moves these figures more than anything measured here: the load shows when it did.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>Whether a scenario of the run completed, in how many seconds, with how many rows; the error when it failed.</summary>
internal sealed record ScenarioOutcome(string Name, double Seconds, int Rows, string? Error);
