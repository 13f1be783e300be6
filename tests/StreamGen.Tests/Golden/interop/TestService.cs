// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using StreamGen.Runtime;

namespace StreamGen.Interop;

/// <summary>The interop test service</summary>
public sealed class TestService : ITestService
{
    /// <summary>No payload, no result</summary>
    public Task EmptyCallAsync(CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.emptyCall is not implemented yet");

    /// <summary>Returns a chunk of the requested size</summary>
    public Task<Chunk> UnaryCallAsync(ChunkRequest payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.unaryCall is not implemented yet");

    /// <summary>Streams one chunk per requested size, pausing between them</summary>
    public Task StreamingOutputCallAsync(StreamingOutputCallPayload payload, IStreamingOutputCallServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.streamingOutputCall is not implemented yet");

    /// <summary>Receives chunks and returns their aggregated size</summary>
    public Task StreamingInputCallAsync(IStreamingInputCallServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.streamingInputCall is not implemented yet");

    /// <summary>Answers each request with a chunk, as they come</summary>
    public Task FullDuplexCallAsync(FullDuplexCallPayload payload, IFullDuplexCallServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.fullDuplexCall is not implemented yet");

    /// <summary>Receives chunks and returns nothing (client streaming without a result)</summary>
    public Task DrainAsync(IDrainServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.drain is not implemented yet");

    /// <summary>Sleeps, honouring cancellation (for deadlines)</summary>
    public Task<SleepResult> SleepAsync(SleepPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.sleep is not implemented yet");

    /// <summary>What the server saw of the last streams (cancellations observed by handlers), for assertions</summary>
    public Task<ObservedResult> ObservedAsync(CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "test.observed is not implemented yet");
}
