namespace StreamGen.Diagnostics;

/// <summary>Finds the did-you-mean candidate for a misspelt name: case-insensitive match first, then the closest edit distance.</summary>
public static class NameSuggester
{
    /// <summary>Longer names get no suggestion: no key or identifier is this long, and the distance is quadratic (a fuzzer's 1 MB key took seconds).</summary>
    public const int MaxNameLength = 256;

    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > MaxNameLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (candidate.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (Math.Abs(candidate.Length - name.Length) >= bestDistance)
            {
                continue;
            }

            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var allowed = Math.Max(2, name.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    public static string? Hint(string name, IEnumerable<string> candidates) =>
        Suggest(name, candidates) is { } suggestion ? $"did you mean '{suggestion}'?" : null;

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions ("pyaload").</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
