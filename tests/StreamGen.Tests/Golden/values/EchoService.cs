// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using StreamGen.Runtime;

namespace StreamGen.Values;

/// <summary>Echoes payload attributes from every position they can travel in</summary>
public sealed class EchoService : IEchoService
{
    /// <summary>segment in the path, query and items in the query string, header in X-Value, text in the body</summary>
    public Task<Echoed> UnaryAsync(UnaryPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "echo.unary is not implemented yet");

    /// <summary>The same outside the body, on a stream's opening (a WebSocket upgrade; gRPC metadata), text in the messages</summary>
    public Task CollectAsync(CollectPayload payload, ICollectServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "echo.collect is not implemented yet");

    /// <summary>A map payload and a list result, which gRPC carries in the wrapper messages' map and repeated value fields</summary>
    public Task<IReadOnlyList<string>> PairsAsync(IReadOnlyDictionary<string, string> payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "echo.pairs is not implemented yet");

    /// <summary>A raw request body, with its media type in Content-Type (validated before the handler runs)</summary>
    public Task<Echoed> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "echo.upload is not implemented yet");

    /// <summary>A raw response body, with its length, media type and name in response headers</summary>
    public Task<(DownloadResult Result, Stream Body)> DownloadAsync(DownloadPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "echo.download is not implemented yet");
}
