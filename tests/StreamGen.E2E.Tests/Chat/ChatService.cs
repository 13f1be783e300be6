using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Acme.Chat;
using StreamGen.Runtime;

namespace StreamGen.E2E.Tests.Chat;

/// <summary>A small chat implementation that echoes what it is given, so tests can check each mapping of the design end to end.</summary>
public sealed class ChatService : IChatService
{
    private long _bytes;

    public Task<JoinResult> JoinAsync(JoinPayload payload, CancellationToken cancellationToken) =>
        payload.Room == "nowhere"
            ? throw ChatErrors.RoomNotFound("no room 'nowhere'")
            : Task.FromResult(new JoinResult { Members = payload.Token.Length, Welcome = $"welcome {payload.Profile.Name} to {payload.Room}{(payload.Notify ? " (notified)" : "")}" });

    public Task<HistoryResult> HistoryAsync(HistoryPayload payload, CancellationToken cancellationToken) => Task.FromResult(new HistoryResult
    {
        Messages = [.. (payload.Tags ?? []).Select(tag => new Message { Text = $"{payload.Room}:{tag}:{payload.Limit}:{payload.Before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}", Author = Ada })],
        Threads = [new Acme.Chat.Thread { Root = new Message { Text = "root", Author = Ada }, Replies = [new Acme.Chat.Thread { Root = new Message { Text = "reply", Author = Ada } }] }],
    });

    public async Task ListenAsync(ListenPayload payload, IListenServerStream stream, CancellationToken cancellationToken)
    {
        stream.SetView(payload.View == View.Compact ? ChatEventView.Compact : ChatEventView.Default);
        for (var i = 1; i <= 3; i++)
        {
            await stream.SendAsync(Event(i, payload.Room), cancellationToken);
        }
    }

    public async Task TickerAsync(TickerPayload payload, ITickerServerStream stream, CancellationToken cancellationToken)
    {
        await stream.SendAsync(Event(1, payload.Room), cancellationToken);
    }

    public async Task SendAsync(SendPayload payload, ISendServerStream stream, CancellationToken cancellationToken)
    {
        if (payload.Token == "muted")
        {
            throw ChatErrors.Muted("you are muted");
        }

        var accepted = 0;
        await foreach (var message in stream.ReadAllAsync(cancellationToken))
        {
            accepted += message.Author.Name.Length > 0 ? 1 : 0;
        }

        await stream.SendAndCloseAsync(new SendResult { Accepted = accepted }, cancellationToken);
    }

    public async Task TypingAsync(TypingPayload payload, ITypingServerStream stream, CancellationToken cancellationToken)
    {
        await foreach (var notice in stream.ReadAllAsync(cancellationToken))
        {
            _ = notice;
        }
    }

    public async Task ConverseAsync(ConversePayload payload, IConverseServerStream stream, CancellationToken cancellationToken)
    {
        var id = 0;
        await foreach (var message in stream.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(new ChatEvent { Id = ++id, Kind = Kind.Message, Room = payload.Room, Message = message }, cancellationToken);
        }
    }

    /// <summary>What each import and notices handler saw, in the order they ended (the JSON Lines request tests read it).</summary>
    public ConcurrentQueue<ChatImportSeen> Imports { get; } = new();

    /// <summary>Held by a notices stream to room <c>stalled</c> before it reads anything (the backpressure test opens it).</summary>
    public TaskCompletionSource StalledReader { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task ImportAsync(ImportPayload payload, IImportServerStream stream, CancellationToken cancellationToken)
    {
        if (payload.Token == "muted")
        {
            throw ChatErrors.Muted("you are muted");
        }

        var accepted = 0;
        string? last = null;
        try
        {
            await foreach (var message in stream.ReadAllAsync(cancellationToken))
            {
                accepted++;
                last = message.Text;
            }
        }
        catch (Exception e)
        {
            Imports.Enqueue(new ChatImportSeen(payload.Room, accepted, e, cancellationToken.IsCancellationRequested));
            throw;
        }

        Imports.Enqueue(new ChatImportSeen(payload.Room, accepted, null, cancellationToken.IsCancellationRequested));
        await stream.SendAndCloseAsync(new ImportResult { Accepted = accepted, Last = last }, cancellationToken);
    }

    public async Task NoticesAsync(NoticesPayload payload, INoticesServerStream stream, CancellationToken cancellationToken)
    {
        if (payload.Room == "stalled")
        {
            await StalledReader.Task.WaitAsync(cancellationToken);
        }

        var received = 0;
        try
        {
            await foreach (var notice in stream.ReadAllAsync(cancellationToken))
            {
                received += notice.Length > 0 ? 1 : 0;
            }
        }
        catch (Exception e)
        {
            Imports.Enqueue(new ChatImportSeen(payload.Room, received, e, cancellationToken.IsCancellationRequested));
            throw;
        }

        Imports.Enqueue(new ChatImportSeen(payload.Room, received, null, cancellationToken.IsCancellationRequested));
    }

    public async Task ReplayAsync(ReplayPayload payload, IReplayServerStream stream, CancellationToken cancellationToken)
    {
        stream.SetView(payload.View == View.Compact ? ChatEventView.Compact : ChatEventView.Default);
        for (var i = 1; i <= 3; i++)
        {
            await stream.SendAsync(Event(i, payload.Room), cancellationToken);
        }
    }

    public async Task FeedAsync(FeedPayload payload, IFeedServerStream stream, CancellationToken cancellationToken)
    {
        var after = payload.After is null ? 0 : long.Parse(payload.After, System.Globalization.CultureInfo.InvariantCulture);
        for (var seq = after + 1; seq <= 5; seq++)
        {
            await stream.SendAsync(new FeedResult { Seq = seq, Kind = seq % 2 == 0 ? "even" : "odd", Text = $"event {seq}", Delay = 1500 }, cancellationToken);
        }
    }

    public async Task<AttachResult> AttachAsync(AttachPayload payload, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        Interlocked.Exchange(ref _bytes, total);
        return new AttachResult { Bytes = total };
    }

    public async Task ExportAsync(ExportPayload payload, Stream body, CancellationToken cancellationToken)
    {
        var line = System.Text.Encoding.UTF8.GetBytes($"room {payload.Room}\n");
        for (var i = 0; i < 1000; i++)
        {
            await body.WriteAsync(line, cancellationToken);
        }
    }

    public Task<Sample> EchoAsync(Sample payload, CancellationToken cancellationToken) => Task.FromResult(payload);

    public Task RenameAsync(RenamePayload payload, CancellationToken cancellationToken) =>
        payload.Title == "forbidden" ? throw ChatErrors.RoomNotFound(payload.Room) : Task.CompletedTask;

    public Task<string> ShoutAsync(string payload, CancellationToken cancellationToken) => Task.FromResult(payload.ToUpperInvariant() + "!");

    public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Author Ada { get; } = new() { Id = "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", Name = "Ada" };

    private static ChatEvent Event(long id, string room) =>
        new() { Id = id, Kind = Kind.Message, Room = room, Members = 2, Message = new Message { Text = $"text {id}", Author = Ada } };
}
