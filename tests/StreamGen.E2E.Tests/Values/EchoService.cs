using StreamGen.Values;

namespace StreamGen.E2E.Tests.Values;

/// <summary>Returns each payload attribute exactly as the handler received it: the server's observation, sent back.</summary>
internal sealed class EchoService : IEchoService
{
    public Task<Echoed> UnaryAsync(UnaryPayload payload, CancellationToken cancellationToken) =>
        Task.FromResult(new Echoed { Segment = payload.Segment, Query = payload.Query, Header = payload.Header, Text = payload.Text, Items = payload.Items });

    public async Task CollectAsync(CollectPayload payload, ICollectServerStream stream, CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        await foreach (var message in stream.ReadAllAsync(cancellationToken))
        {
            messages.Add(message);
        }

        await stream.SendAndCloseAsync(new Echoed { Segment = payload.Segment, Query = payload.Query, Header = payload.Header, Text = string.Concat(messages) }, cancellationToken);
    }
}
