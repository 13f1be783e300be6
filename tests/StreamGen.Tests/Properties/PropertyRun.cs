using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using StreamGen.Generation;
using StreamGen.Tests.Properties.Spec;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Properties;

/// <summary>
/// Generates designs from seeds, runs <c>gen</c> on each, compiles the output in batches, groups the failures by
/// <see cref="FailureSignature"/> and shrinks one design of each group. Settings come from the environment:
/// <c>STREAMGEN_PROPERTY_COUNT</c> (default 200), <c>STREAMGEN_PROPERTY_SEED</c> (a CsCheck seed, or <c>random</c>),
/// <c>STREAMGEN_PROPERTY_REPLAY</c> (the seed of one design, printed with each failure), <c>STREAMGEN_PROPERTY_ALL_KINDS=1</c>
/// (also generate the kinds listed in KnownFailures.txt) and <c>STREAMGEN_PROPERTY_OUT=DIR</c> (write each group's shrunk
/// design there, to triage a long run).
/// </summary>
internal sealed class PropertyRun(Action<string> log)
{
    /// <summary>The default run's seed: fixed, so the default run is reproducible; <c>STREAMGEN_PROPERTY_SEED=random</c> explores.</summary>
    private static readonly PCG DefaultSeed = new(17, 20_260_417);

    private const int BatchSize = 20;

    public sealed record Failure(string Seed, DesignSpec Design, string Signature, IReadOnlyList<string> Problems);

    public sealed record Outcome(int Designs, int Methods, IReadOnlyList<Failure> Failures, IReadOnlyList<string> Report);

    public static int Count => int.TryParse(Environment.GetEnvironmentVariable("STREAMGEN_PROPERTY_COUNT"), CultureInfo.InvariantCulture, out var count) ? count : 200;

    public Outcome Execute(IReadOnlySet<string> avoided)
    {
        var clock = Stopwatch.StartNew();
        var generator = new DesignGenerator(avoided);
        var seeds = Seeds().ToList();
        var failures = new List<Failure>();
        var methods = 0;
        for (var start = 0; start < seeds.Count; start += BatchSize)
        {
            var known = failures.Count;
            var batch = new List<(string Key, GenerationResult Generated)>();
            var specs = new Dictionary<string, (string Seed, DesignSpec Design)>(StringComparer.Ordinal);
            foreach (var seed in seeds.Skip(start).Take(BatchSize))
            {
                var design = generator.Generate(PCG.Parse(seed), null, out _);
                methods += design.Services.Sum(s => s.Methods.Count);
                var key = "p" + (start + specs.Count).ToString(CultureInfo.InvariantCulture);
                specs[key] = (seed, design);
                var (generated, problems) = Generate(design, key);
                if (generated is null)
                {
                    failures.Add(new Failure(seed, design, FailureSignature.Of(problems[0]), problems));
                }
                else
                {
                    batch.Add((key, generated));
                }
            }

            var generatedAt = clock.Elapsed;
            foreach (var (key, problems) in GeneratedBatchCompilation.Compile(batch).Where(p => p.Value.Count > 0))
            {
                failures.Add(new Failure(specs[key].Seed, specs[key].Design, FailureSignature.Of(problems[0]), problems));
            }

            foreach (var failure in failures.Skip(known))
            {
                log($"  failing: STREAMGEN_PROPERTY_REPLAY={failure.Seed}: {failure.Problems[0]}");
            }

            var progress = $"{Math.Min(start + BatchSize, seeds.Count)}/{seeds.Count} designs, {failures.Count} failing, {clock.Elapsed.TotalSeconds:F0} s (last batch compiled in {(clock.Elapsed - generatedAt).TotalSeconds:F1} s)";
            log(progress);
            if (seeds.Count > 200)
            {
                // A long opt-in run reports as it goes (failures too, with their seeds); the test output only appears at the end.
                Console.WriteLine(progress);
                foreach (var failure in failures.Skip(known))
                {
                    Console.WriteLine($"  failing: STREAMGEN_PROPERTY_REPLAY={failure.Seed}: {failure.Problems[0]}");
                }
            }
        }

        var report = new List<string>();
        foreach (var group in failures.GroupBy(f => f.Signature).OrderByDescending(g => g.Count()))
        {
            report.Add(Describe(group.Key, group.Count(), Shrunk(group.OrderBy(f => f.Design.Size).First())));
        }

        return new Outcome(seeds.Count, methods, failures, report);
    }

    /// <summary>Runs the pipeline; a design the validator refuses or a generator crash is a failure like a compile error.</summary>
    public static (GenerationResult? Generated, IReadOnlyList<string> Problems) Generate(DesignSpec design, string key)
    {
        var yaml = DesignYaml.Write(design);
        try
        {
            var generated = Designs.Generate(yaml, key + ".yaml");
            return generated.Succeeded
                ? (generated, [])
                : (null, generated.Diagnostics.Where(d => d.IsError).Select(d => $"rejected: {d.Id} {d.Message}").ToList());
        }
        catch (Exception e)
        {
            return (null, [$"crash: {e.GetType().Name}: {e.Message}"]);
        }
    }

    /// <summary>The problems of one design compiled alone.</summary>
    public static IReadOnlyList<string> Problems(DesignSpec design)
    {
        var (generated, problems) = Generate(design, "shrink");
        return generated is null ? problems : GeneratedBatchCompilation.CompileAlone(generated, "shrink");
    }

    private Failure Shrunk(Failure failure)
    {
        var limit = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("STREAMGEN_PROPERTY_SHRINK_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 240);
        // A refused design must stay refused for the same reasons only, or the shrinker would trade one for another.
        var rejected = failure.Problems.All(p => p.StartsWith("rejected:", StringComparison.Ordinal));
        var smallest = DesignShrinker.Shrink(
            failure.Design,
            d => Problems(d) is { Count: > 0 } p && FailureSignature.Of(p[0]) == failure.Signature && (!rejected || p.All(x => FailureSignature.Of(x) == failure.Signature)),
            limit);
        return failure with { Design = smallest, Problems = Problems(smallest) };
    }

    private string Describe(string signature, int count, Failure failure)
    {
        var yaml = DesignYaml.Write(failure.Design);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"== {signature}  ({count} design(s); replay: STREAMGEN_PROPERTY_REPLAY={failure.Seed})")
            .AppendLine(yaml)
            .AppendLine(string.Join("\n", failure.Problems.Take(8)))
            .ToString();
        if (Environment.GetEnvironmentVariable("STREAMGEN_PROPERTY_OUT") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{count:D5}-{Math.Abs(signature.GetHashCode(StringComparison.Ordinal)):X8}.yaml");
            File.WriteAllText(file, "# " + signature + "\n# " + string.Join("\n# ", failure.Problems.Take(8)) + "\n" + yaml);
        }

        log(text);
        return text;
    }

    private static IEnumerable<string> Seeds()
    {
        if (Environment.GetEnvironmentVariable("STREAMGEN_PROPERTY_REPLAY") is { Length: > 0 } replay)
        {
            foreach (var seed in replay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return seed;
            }

            yield break;
        }

        var root = Environment.GetEnvironmentVariable("STREAMGEN_PROPERTY_SEED") switch
        {
            null or "" => DefaultSeed,
            "random" => new PCG(PCG.ThreadPCG.Next(), PCG.ThreadPCG.Next64()),
            var given => PCG.Parse(given),
        };
        for (var i = 0; i < Count; i++)
        {
            yield return new PCG(root.Stream, root.Next64()).ToString();
        }
    }
}
