using System.Text.Json;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Processes;

/// <summary>
/// Runs every benchmark scenario in its --quick smoke mode (tiny counts), as a process the way a user runs it, so none
/// can rot: each must complete and put figures in the table it writes. The figures themselves mean nothing here
/// (targets are read from a full run, never asserted in tests).
/// </summary>
public sealed class BenchmarkSmokeTests
{
    // The scenarios the published table is built from; a scenario added to Benchmarks.All is checked as well.
    private static readonly string[] Expected = ["ws", "grpc", "floor", "publish", "watch", "sse", "sse-writer", "sse-reconnect", "raw", "fanout", "slow-subscriber", "hostile", "gen", "gen-process"];

    [Fact]
    public async Task Every_scenario_runs_in_quick_mode_and_produces_figures()
    {
        var output = Path.Combine(Path.GetTempPath(), "streamgen-bench-smoke-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = await DotnetCli.RunAsync(Path.GetDirectoryName(BenchmarkDll)!, new Dictionary<string, string>(), BenchmarkDll, "all", "--quick", "--out", output);
            Assert.True(result.ExitCode == 0, result.Output);

            using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "benchmarks.json")));
            var scenarios = table.RootElement.GetProperty("scenarios").EnumerateArray()
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => (Rows: s.GetProperty("rows").GetInt32(), Error: s.GetProperty("error").GetString()));
            Assert.Empty(Expected.Except(scenarios.Keys));
            foreach (var (name, (rows, error)) in scenarios)
            {
                Assert.True(error is null, $"{name}: {error}");
                Assert.True(rows > 0, $"{name} produced no figure");
            }

            var rowsByScenario = table.RootElement.GetProperty("rows").EnumerateArray().ToLookup(r => r.GetProperty("scenario").GetString());
            foreach (var row in rowsByScenario.SelectMany(g => g))
            {
                var value = row.GetProperty("value").GetDouble();
                Assert.False(double.IsNaN(value), row.ToString());
            }

            // Every comparison carries its baseline's figure from the same run.
            Assert.All(rowsByScenario.SelectMany(g => g).Where(r => r.GetProperty("baseline").ValueKind == JsonValueKind.String),
                r => Assert.Equal(JsonValueKind.Number, r.GetProperty("baselineValue").ValueKind));
            Assert.Contains("| scenario | metric |", File.ReadAllText(Path.Combine(output, "benchmarks.md")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>The benchmark program built next to this test project, in the same configuration.</summary>
    private static string BenchmarkDll
    {
        get
        {
            // bin/<Configuration>/<framework>/ of this project; the benchmark project builds to the same shape.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(tests, "StreamGen.Benchmarks", "bin", configuration, framework, "StreamGen.Benchmarks.dll");
        }
    }
}
