using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using StreamGen.Tests.Properties;
using StreamGen.Tests.Support;
using Xunit.Abstractions;

namespace StreamGen.Tests.Fuzzing;

/// <summary>
/// Issue #17's front-end fuzzing: mutated designs from designs/ and designs/goa/ through parse, bind, validate and
/// model (and, for some still-valid ones, rendering). No input may throw, hang past a time limit, or be refused
/// without an SGnnnn code and a file:line:col. 5,000 inputs by default; STREAMGEN_FUZZ_COUNT=100000 for the long run
/// (STREAMGEN_FUZZ_SEED for another sequence, STREAMGEN_FUZZ_REPLAY to rerun one input, STREAMGEN_FUZZ_OUT=DIR to keep
/// the failing inputs).
/// </summary>
public sealed partial class FrontEndFuzzTests(ITestOutputHelper output)
{
    /// <summary>Generous: on a 2-core box at load 40 a tiny input took over 20 s; a hang (deep nesting, an alias bomb) is unbounded.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(60);

    [Fact]
    public void Mutated_designs_are_refused_with_a_located_SG_code_and_never_crash_or_hang()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("STREAMGEN_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var n) ? n : 5000;
        var seed = Environment.GetEnvironmentVariable("STREAMGEN_FUZZ_SEED") switch
        {
            null or "" => new PCG(7, 1_717),
            "random" => new PCG(PCG.ThreadPCG.Next(), PCG.ThreadPCG.Next64()),
            var given => PCG.Parse(given),
        };
        var seedText = seed.ToString();
        var replaying = Environment.GetEnvironmentVariable("STREAMGEN_FUZZ_REPLAY") is { Length: > 0 } one ? PCG.Parse(one) : null;
        count = replaying is null ? count : 1;
        var sources = Repository.DesignFiles.Concat(Repository.GoaDesignFiles)
            .Select(f => (Name: Path.GetRelativePath(Repository.Root, f), Text: File.ReadAllText(f))).ToList();
        var failures = new List<string>();
        var refused = 0;
        var slowest = new List<(TimeSpan Elapsed, string What)>();
        var clock = Stopwatch.StartNew();

        // Inputs are made in order (a seed replays them) and checked in parallel, a batch at a time.
        for (var start = 0; start < count && failures.Count < 20; start += 256)
        {
            var batch = new List<(string Input, string File, string What, string Replay)>();
            for (var i = start; i < Math.Min(count, start + 256); i++)
            {
                var inputSeed = replaying ?? new PCG(seed.Stream, seed.Next64());
                var replay = inputSeed.ToString();
                var draw = new Draw(inputSeed);
                var (name, text) = draw.Pick(sources);
                var (input, file, what) = new DesignMutator(draw).Mutate(name, text);
                batch.Add((input, file, what, replay));
            }

            var results = new (string? Problem, bool Refused, TimeSpan Elapsed)[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                results[i] = Check(batch[i].Input, batch[i].File, render: (start + i) % 25 == 0));
            for (var i = 0; i < batch.Count; i++)
            {
                var (problem, wasRefused, elapsed) = results[i];
                slowest.Add((elapsed, batch[i].What));
                refused += wasRefused ? 1 : 0;
                if (problem is not null)
                {
                    failures.Add($"{problem}\n  input: {batch[i].What} (replay: STREAMGEN_FUZZ_REPLAY={batch[i].Replay})\n  {Excerpt(batch[i].Input)}");
                    Keep(batch[i].Input, batch[i].File, failures.Count);
                }
            }
        }

        output.WriteLine($"STREAMGEN_FUZZ_SEED={seedText}");
        output.WriteLine($"{count} inputs in {clock.Elapsed.TotalSeconds:F0} s, {refused} refused with located SG codes; {failures.Count} failures. Slowest:");
        foreach (var (elapsed, what) in slowest.OrderByDescending(s => s.Elapsed).Take(10))
        {
            output.WriteLine($"  {elapsed.TotalMilliseconds:F0} ms  {what}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Runs the front end on one input on a worker thread; a problem is an exception, a time-out or an unlocated or uncoded diagnostic.</summary>
    internal static (string? Problem, bool Refused, TimeSpan Elapsed) Check(string text, string file, bool render = false)
    {
        var clock = Stopwatch.StartNew();
        var work = Task.Run(() => render ? Designs.Generate(text, file) : Designs.Diagnose(text, file) is var diagnostics ? new StreamGen.Generation.GenerationResult(diagnostics, null, []) : null!);
        try
        {
            if (!work.Wait(PerInput))
            {
                return ($"hang: no answer after {PerInput.TotalSeconds:F0} s", false, clock.Elapsed);
            }
        }
        catch (AggregateException e)
        {
            return ($"crash: {e.InnerException}", false, clock.Elapsed);
        }

        var result = work.Result;
        foreach (var diagnostic in result.Diagnostics)
        {
            if (!SgCode().IsMatch(diagnostic.Id))
            {
                return ($"diagnostic without an SG code: {diagnostic}", true, clock.Elapsed);
            }

            if (diagnostic.Span.File != file || diagnostic.Span.Line < 1 || diagnostic.Span.Column < 1)
            {
                return ($"diagnostic without file:line:col: {diagnostic} (span {diagnostic.Span.File}:{diagnostic.Span.Line}:{diagnostic.Span.Column})", true, clock.Elapsed);
            }

            if (diagnostic.Id.StartsWith("SG9", StringComparison.Ordinal))
            {
                return ($"internal error (SG9xxx) from the built-in templates: {diagnostic}", true, clock.Elapsed);
            }
        }

        return (null, !result.Succeeded, clock.Elapsed);
    }

    private static string Excerpt(string text)
    {
        var excerpt = text.Length > 600 ? text[..600] + $"… ({text.Length} chars)" : text;
        return excerpt.Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    private static void Keep(string input, string file, int index)
    {
        if (Environment.GetEnvironmentVariable("STREAMGEN_FUZZ_OUT") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"{index:D3}-{file}"), input);
        }
    }

    [GeneratedRegex(@"^SG\d{4}$")]
    private static partial Regex SgCode();
}
