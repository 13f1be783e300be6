namespace StreamGen.Naming;

/// <summary>
/// Hands out unique C# names in one scope, deterministically: the first taker keeps a name; a later one gets the
/// fallback (e.g. prefixed with its service), then a numeric suffix.
/// </summary>
public sealed class NameRegistry
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    public bool TryReserve(string name) => _taken.Add(name);

    public string Allocate(string preferred, string? fallback = null)
    {
        if (_taken.Add(preferred))
        {
            return preferred;
        }

        if (fallback is not null && _taken.Add(fallback))
        {
            return fallback;
        }

        var stem = fallback ?? preferred;
        for (var i = 2; ; i++)
        {
            if (_taken.Add(stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
