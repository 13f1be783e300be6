namespace StreamGen.Benchmarks;

/// <summary>Delivery lags in 0.1 ms buckets up to 30 s (thread-safe, constant memory whatever the count).</summary>
public sealed class LagHistogram
{
    private const double BucketMilliseconds = 0.1;
    private readonly long[] _buckets = new long[300_001];
    private long _count;

    public void Add(TimeSpan lag)
    {
        var bucket = (int)Math.Min(_buckets.Length - 1, lag.TotalMilliseconds / BucketMilliseconds);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The lag in milliseconds under which <paramref name="fraction"/> of the entries were delivered.</summary>
    public double Percentile(double fraction)
    {
        var target = (long)Math.Ceiling(Interlocked.Read(ref _count) * fraction);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= target && seen > 0)
            {
                return (i + 1) * BucketMilliseconds;
            }
        }

        return double.NaN;
    }
}
