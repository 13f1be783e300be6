using StreamGen.Tests.Support;

namespace StreamGen.Tests.Regressions;

/// <summary>
/// Regressions/KnownFailures.txt: the kinds of generator failure found and not fixed yet, one a line (<c>kind  reason</c>;
/// a line starting with <c>#</c> is a comment). A regression test of a listed kind is skipped while it still fails and FAILS once it
/// passes (then delete the line); the property test does not generate listed kinds. The list is meant to be emptied.
/// </summary>
internal static class KnownFailures
{
    public static string FilePath { get; } = Path.Combine(Repository.Root, "tests", "StreamGen.Tests", "Regressions", "KnownFailures.txt");

    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    public static IReadOnlySet<string> Kinds { get; } = All.Keys.ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> Load()
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(FilePath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            kinds[parts[0]] = parts.Length > 1 ? parts[1] : "(no reason given)";
        }

        return kinds;
    }
}
