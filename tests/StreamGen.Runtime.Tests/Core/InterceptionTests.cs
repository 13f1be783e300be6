using StreamGen.Runtime;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>Interception chains: order, short-circuits, errors, and the per-message chains of the stream wrappers.</summary>
public sealed class InterceptionTests
{
    [Fact]
    public async Task Steps_run_outermost_first_around_the_call_and_unwind_in_reverse()
    {
        var log = new List<string>();
        InterceptorStep Step(string name) => async (next, token) =>
        {
            log.Add($"{name} before");
            await next(token);
            log.Add($"{name} after");
        };

        await Interception.RunAsync([Step("a"), Step("b")], _ => { log.Add("call"); return Task.CompletedTask; }, default);

        Assert.Equal(["a before", "b before", "call", "b after", "a after"], log);
    }

    [Fact]
    public async Task A_step_that_does_not_call_next_ends_the_call_and_errors_travel_back_through_the_steps()
    {
        var called = false;
        await Interception.RunAsync([(_, _) => Task.CompletedTask], _ => { called = true; return Task.CompletedTask; }, default);
        Assert.False(called);

        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Interception.RunAsync(
            [async (next, token) => { try { await next(token); } catch (InvalidOperationException e) { seen.Add(e.Message); throw; } }],
            _ => throw new InvalidOperationException("boom"),
            default));
        Assert.Equal("boom", error.Message);
        Assert.Equal(["boom"], seen);
    }

    [Fact]
    public void A_value_read_before_it_is_known_says_so()
    {
        var result = new InterceptedValue<string>();
        Assert.False(result.HasValue);
        Assert.Contains("only after next returned", Assert.Throws<InvalidOperationException>(() => result.Value).Message, StringComparison.Ordinal);
        Assert.Null(new InterceptorView<object>(result, new object()).Current);
        result.Value = "x";
        Assert.NotNull(new InterceptorView<object>(result, new object()).Current);
    }

    [Fact]
    public async Task The_server_stream_runs_its_chains_once_per_message_each_way_and_sends_what_they_leave()
    {
        var transport = new FakeStream(["in 1", "in 2"]);
        var log = new List<string>();
        var stream = new InterceptedServerStream<string, string, NoMessage>(
            transport,
            message => [async (next, token) => { await next(token); log.Add($"recv {(message.HasValue ? message.Value : "end")}"); }],
            message => [(next, token) => { log.Add($"send {message.Value}"); message.Value += "!"; return next(token); }]);

        await stream.SendAsync("out 1");
        await stream.SendAsync("out 2");
        var first = await stream.ReceiveAsync();
        var second = await stream.ReceiveAsync();
        var end = await stream.ReceiveAsync();

        Assert.Equal(["out 1!", "out 2!"], transport.Sent);
        Assert.Equal(("in 1", "in 2", false), (first.Value, second.Value, end.HasValue));
        Assert.Equal(["send out 1", "send out 2", "recv in 1", "recv in 2", "recv end"], log);
    }

    [Fact]
    public async Task The_client_stream_without_chains_goes_straight_to_the_transport()
    {
        var transport = new FakeStream(["in"]);
        await using var stream = new InterceptedClientStream<string, string, NoMessage>(transport, null, null);
        await stream.SendAsync("out");
        Assert.Equal("in", (await stream.ReceiveAsync()).Value);
        await stream.CloseAsync();
        Assert.Equal(["out"], transport.Sent);
        Assert.True(transport.Closed);
    }

    private sealed class FakeStream(IEnumerable<string> incoming) : IServerStream, IStreamSender<string>, IMessageReceiver<string>, IStreamCloser, IAsyncDisposable
    {
        private readonly Queue<string> _incoming = new(incoming);

        public List<string> Sent { get; } = [];

        public bool Closed { get; private set; }

        public ValueTask OpenAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendAsync(string message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return ValueTask.CompletedTask;
        }

        public ValueTask<Received<string>> ReceiveAsync(CancellationToken cancellationToken = default) =>
            new(_incoming.TryDequeue(out var message) ? new Received<string>(true, message) : default);

        public ValueTask CloseAsync(CancellationToken cancellationToken = default)
        {
            Closed = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
