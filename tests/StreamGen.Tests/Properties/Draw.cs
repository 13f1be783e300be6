using CsCheck;

namespace StreamGen.Tests.Properties;

/// <summary>Random choices drawn from one CsCheck <see cref="PCG"/> stream, so a seed reproduces a design exactly.</summary>
internal sealed class Draw(PCG pcg)
{
    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, both included.</summary>
    public int Int(int min, int max) => min + (int)pcg.Next((uint)(max - min + 1));

    public bool Chance(double probability) => pcg.Next(1_000_000) < probability * 1_000_000;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>A subset in the original order, each item kept with <paramref name="probability"/>.</summary>
    public List<T> Subset<T>(IEnumerable<T> items, double probability) => items.Where(_ => Chance(probability)).ToList();

    /// <summary>Picks by weight: <c>Weighted((3, "a"), (1, "b"))</c> gives "a" three times as often.</summary>
    public T Weighted<T>(params (int Weight, T Value)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = Int(1, total);
        foreach (var (weight, value) in choices)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
