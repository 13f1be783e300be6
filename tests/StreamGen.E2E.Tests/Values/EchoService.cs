using StreamGen.Values;

namespace StreamGen.E2E.Tests.Values;

/// <summary>Returns each payload attribute exactly as the handler received it: the server's observation, sent back.</summary>
internal sealed class EchoService : IEchoService
{
    private int _uploads;

    /// <summary>How many uploads reached the handler (a payload that does not validate must not).</summary>
    public int Uploads => Volatile.Read(ref _uploads);

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

    public Task<IReadOnlyList<string>> PairsAsync(IReadOnlyDictionary<string, string> payload, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. payload.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")]);

    public async Task<Echoed> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _uploads);
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        return new Echoed { Segment = payload.Name, Query = "", Header = payload.ContentType, Text = await reader.ReadToEndAsync(cancellationToken) };
    }

    public Task<(DownloadResult Result, Stream Body)> DownloadAsync(DownloadPayload payload, CancellationToken cancellationToken) =>
        Task.FromResult<(DownloadResult, Stream)>((
            new DownloadResult { Length = payload.Size, Type = "text/plain; charset=utf-8", Name = payload.Name },
            new MemoryStream(System.Text.Encoding.ASCII.GetBytes(new string('x', payload.Size)))));
}
