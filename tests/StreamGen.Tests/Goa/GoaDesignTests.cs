using System.CommandLine;
using StreamGen.Tests.Regressions;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Goa;

/// <summary>
/// designs/goa/: Goa's published examples (basic, chatter, upload_download, sse, error, httpstatus, cellar) translated
/// from their Go DSL. Each says what it leaves out, passes `streamgen validate`, and compiles with zero warnings, except
/// those listed as goa/&lt;name&gt; in Regressions/KnownFailures.txt (skipped while they fail, failing once they compile).
/// </summary>
public sealed class GoaDesignTests
{
    public static TheoryData<string> GoaDesigns => new(Repository.GoaDesignFiles.Select(Path.GetFileNameWithoutExtension)!);

    [Fact]
    public void The_examples_the_issue_names_are_all_there()
    {
        Assert.Superset(
            new HashSet<string>(["basic", "chatter", "upload_download", "sse", "error", "httpstatus", "cellar"]),
            Repository.GoaDesignFiles.Select(Path.GetFileNameWithoutExtension).ToHashSet()!);
    }

    [Theory]
    [MemberData(nameof(GoaDesigns))]
    public void Goa_example_passes_streamgen_validate_and_says_what_it_leaves_out(string name)
    {
        var path = Path.Combine(Repository.Designs, "goa", name + ".yaml");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = StreamGen.Cli.Program.Run(["validate", path], new InvocationConfiguration { Output = output, Error = error });

        Assert.True(exit == 0, $"{output}{error}");
        Assert.Contains("valid (", output.ToString(), StringComparison.Ordinal);
        var header = string.Join("\n", File.ReadLines(path).TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("goadesign/examples", header, StringComparison.Ordinal);
        Assert.Contains("Left out", header, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(GoaDesigns))]
    public void Goa_example_generates_code_that_compiles(string name)
    {
        var problems = RegressionTests.Problems(File.ReadAllText(Path.Combine(Repository.Designs, "goa", name + ".yaml")), name);

        if (KnownFailures.All.TryGetValue("goa/" + name, out var reason))
        {
            Assert.False(problems.Count == 0, $"designs/goa/{name}.yaml compiles now: remove 'goa/{name}' from {KnownFailures.FilePath}.");
            throw new SkipException($"Known failure (KnownFailures.txt): {reason}. First problem: {problems[0]}");
        }

        Assert.True(problems.Count == 0, $"designs/goa/{name}.yaml:\n{string.Join("\n", problems)}");
    }
}
