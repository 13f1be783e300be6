using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>Both generated clients implement ILoggerClient, so one read loop measures either transport.</summary>
internal static class GeneratedClient
{
    public static async Task<int> ReadAsync(ILoggerClient client, Workload workload, CancellationToken cancellationToken)
    {
        await using var stream = await client.SubscribeAsync(new SubscribePayload { Topic = Workload.Topic }, cancellationToken);
        var received = 0;
        string? last = null;
        while (await stream.RecvAsync(cancellationToken) is { } item)
        {
            last = item.Message;
            received++;
        }

        return workload.Verify(received, last);
    }
}
