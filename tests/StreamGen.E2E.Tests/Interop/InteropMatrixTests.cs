using StreamGen.E2E.Tests.Support;
using StreamGen.Interop;
using StreamGen.Runtime;

namespace StreamGen.E2E.Tests.Interop;

/// <summary>
/// gRPC's interop scenarios (empty_unary, large_unary, client/server streaming, ping_pong, empty_stream,
/// cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server), run over both transports through the
/// generated clients, with what the server's handlers observed checked as well.
/// </summary>
public sealed class InteropMatrixTests(InteropFixture fixture) : IClassFixture<InteropFixture>
{
    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Empty_unary(Transport transport) => await fixture.Client(transport).EmptyCallAsync();

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Large_unary(Transport transport)
    {
        var chunk = await fixture.Client(transport).UnaryCallAsync(new ChunkRequest { Size = 271_828 });

        Assert.Equal(271_828, chunk.Body.Length);
        Assert.All(chunk.Body, b => Assert.Equal(0x2A, b));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Client_streaming(Transport transport)
    {
        await using var stream = await fixture.Client(transport).StreamingInputCallAsync();
        var index = 0;
        foreach (var size in new[] { 27_182, 8, 1_828, 45_904 })
        {
            await stream.SendAsync(new Chunk { Index = index++, Body = new byte[size] });
        }

        var result = await stream.CloseAndRecvAsync();

        Assert.Equal((74_922L, 4), (result.AggregatedSize, result.Count));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Server_streaming(Transport transport)
    {
        int[] sizes = [31_415, 9, 2_653, 58_979];
        await using var stream = await fixture.Client(transport).StreamingOutputCallAsync(new StreamingOutputCallPayload { Sizes = sizes });

        var chunks = new List<Chunk>();
        await foreach (var chunk in stream.ReadAllAsync())
        {
            chunks.Add(chunk);
        }

        Assert.Equal(sizes, chunks.Select(c => c.Body.Length));
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Index));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Ping_pong_with_the_initial_payload_in_a_header_or_metadata(Transport transport)
    {
        await using var stream = await fixture.Client(transport).FullDuplexCallAsync(new FullDuplexCallPayload { Tag = "tag-42" });

        var index = 0;
        foreach (var size in new[] { 31_415, 9, 2_653, 58_979 })
        {
            await stream.SendAsync(new ChunkRequest { Size = size });
            var chunk = (await stream.RecvAsync())!;
            Assert.Equal((index++, size), (chunk.Index, chunk.Body.Length));
            Assert.Equal("tag-42"u8.ToArray(), chunk.Body[..6]);
        }

        await stream.CloseAsync();
        Assert.Null(await stream.RecvAsync());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Empty_stream_each_way(Transport transport)
    {
        var client = fixture.Client(transport);

        await using (var duplex = await client.FullDuplexCallAsync(new FullDuplexCallPayload()))
        {
            await duplex.CloseAsync();
            Assert.Null(await duplex.RecvAsync());
        }

        await using (var output = await client.StreamingOutputCallAsync(new StreamingOutputCallPayload { Sizes = [] }))
        {
            Assert.Null(await output.RecvAsync());
        }

        await using (var input = await client.StreamingInputCallAsync())
        {
            var result = await input.CloseAndRecvAsync();
            Assert.Equal((0L, 0), (result.AggregatedSize, result.Count));
        }

        await using (var drain = await client.DrainAsync())
        {
            await drain.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Cancel_after_begin_cancels_the_server_handler(Transport transport)
    {
        var before = Count("streamingInputCall:canceled");
        var stream = await fixture.Client(transport).StreamingInputCallAsync();

        await stream.DisposeAsync();

        await WaitForCountAsync("streamingInputCall:canceled", before + 1);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Cancel_after_first_response_cancels_the_server_handler(Transport transport)
    {
        var before = Count("fullDuplexCall:canceled");
        var stream = await fixture.Client(transport).FullDuplexCallAsync(new FullDuplexCallPayload());
        await stream.SendAsync(new ChunkRequest { Size = 31_415 });
        Assert.Equal(31_415, (await stream.RecvAsync())!.Body.Length);

        await stream.DisposeAsync();

        await WaitForCountAsync("fullDuplexCall:canceled", before + 1);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Timeout_on_a_sleeping_server_fails_the_call_and_cancels_the_handler(Transport transport)
    {
        var before = Count("sleep:canceled");
        var client = fixture.Client(transport, timeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.SleepAsync(new SleepPayload { Ms = 10_000 }));

        if (transport == Transport.Grpc)
        {
            var grpc = Assert.IsType<GrpcServiceError>(error);
            Assert.Equal((Grpc.Core.StatusCode.DeadlineExceeded, "timeout", true), (grpc.StatusCode, grpc.Name, grpc.Timeout));
        }
        else
        {
            Assert.IsType<TimeoutException>(Assert.IsType<TaskCanceledException>(error).InnerException);
        }

        await WaitForCountAsync("sleep:canceled", before + 1);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_stream_on_a_sleeping_server_can_be_given_up_with_a_token(Transport transport)
    {
        var before = Count("streamingOutputCall:canceled");
        await using var stream = await fixture.Client(transport).StreamingOutputCallAsync(new StreamingOutputCallPayload { Sizes = [1, 1], PauseMs = 10_000 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.RecvAsync(timeout.Token));
        await stream.DisposeAsync();

        await WaitForCountAsync("streamingOutputCall:canceled", before + 1);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_design_error_mid_stream_reaches_the_client_by_name(Transport transport)
    {
        await using var stream = await fixture.Client(transport).FullDuplexCallAsync(new FullDuplexCallPayload());
        await stream.SendAsync(new ChunkRequest { Size = 1, Fail = Fail.After });
        Assert.Single((await stream.RecvAsync())!.Body);

        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await stream.RecvAsync());

        Assert.Equal(("requested", "failed after, as asked"), (error.Name, error.Message));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_unary_design_error_maps_to_the_designed_status(Transport transport)
    {
        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => fixture.Client(transport).UnaryCallAsync(new ChunkRequest { Size = 1, Fail = Fail.Before }));

        Assert.Equal("requested", error.Name);
        if (transport == Transport.Grpc)
        {
            Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, Assert.IsType<GrpcServiceError>(error).StatusCode);
        }
        else
        {
            Assert.Equal(412, Assert.IsType<HttpServiceError>(error).StatusCode);
        }
    }

    private int Count(string observation) => fixture.Observations.Events.Count(e => e == observation);

    private async Task WaitForCountAsync(string observation, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count(observation) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server never observed '{observation}' ({Count(observation)} of {count}).");
            await Task.Delay(20);
        }
    }
}
