using System.Text.RegularExpressions;
using StreamGen.Tests.Properties;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Regressions;

/// <summary>
/// Each design in Regressions/ is the smallest of one kind of generator failure (its file name): it must validate,
/// generate and compile with zero warnings, gRPC code included. A kind listed in KnownFailures.txt is skipped with its
/// reason while it still fails as its header says (<c># error: ID</c>), and fails once it compiles: then remove its line.
/// </summary>
public sealed partial class RegressionTests
{
    private static readonly string Directory = Path.Combine(Repository.Root, "tests", "StreamGen.Tests", "Regressions");

    public static TheoryData<string> Kinds => new(System.IO.Directory.GetFiles(Directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void Regression_design_generates_code_that_compiles(string kind)
    {
        var text = File.ReadAllText(Path.Combine(Directory, kind + ".yaml"));
        var problems = Problems(text, kind);

        if (KnownFailures.All.TryGetValue(kind, out var reason))
        {
            Assert.False(problems.Count == 0, $"'{kind}' compiles now: remove its line from {KnownFailures.FilePath}.");
            var expected = ExpectedError().Match(text);
            Assert.True(expected.Success, $"{kind}.yaml needs a '# error: ID message' header line giving the failure it reproduces.");
            Assert.True(
                problems.Any(p => p.Contains(expected.Groups[1].Value, StringComparison.Ordinal)),
                $"'{kind}' no longer fails with {expected.Groups[1].Value} but with:\n{string.Join("\n", problems.Take(5))}\nUpdate its header (or the kind changed).");
            throw new SkipException($"Known failure '{kind}' (KnownFailures.txt): {reason}");
        }

        Assert.True(problems.Count == 0, $"{kind}.yaml:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Every_known_failure_has_a_regression_design_or_names_a_goa_design()
    {
        foreach (var kind in KnownFailures.Kinds)
        {
            var path = kind.StartsWith("goa/", StringComparison.Ordinal)
                ? Path.Combine(Repository.Designs, kind + ".yaml")
                : Path.Combine(Directory, kind + ".yaml");
            Assert.True(File.Exists(path), $"KnownFailures.txt lists '{kind}' but {path} does not exist.");
        }
    }

    /// <summary>Validation errors, generator failures, protoc's errors and the compiler's warnings and errors, as lines.</summary>
    internal static IReadOnlyList<string> Problems(string text, string name)
    {
        var generated = Designs.Generate(text, name + ".yaml");
        return generated.Succeeded
            ? GeneratedBatchCompilation.CompileAlone(generated, name)
            : generated.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
    }

    [GeneratedRegex(@"^# error: (\S+)", RegexOptions.Multiline)]
    private static partial Regex ExpectedError();
}
