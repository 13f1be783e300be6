namespace StreamGen.Benchmarks;

/// <summary>Options of the <c>redis-scale</c> benchmark (see <see cref="RedisScaleOut"/>).</summary>
internal sealed record RedisScaleOutOptions
{
    /// <summary>Tiny counts: a smoke test that it runs end to end, not a measurement.</summary>
    public bool Quick { get; init; }

    /// <summary>Adds the 10,000-subscriber rows.</summary>
    public bool Large { get; init; }

    /// <summary>Deliveries (entries × subscribers) each row aims at.</summary>
    public int Deliveries { get; init; } = 2_000_000;
}
