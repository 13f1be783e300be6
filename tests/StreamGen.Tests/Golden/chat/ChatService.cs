// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using StreamGen.Runtime;

namespace Acme.Chat;

/// <summary>Rooms and their messages</summary>
public sealed class ChatService : IChatService
{
    /// <summary>Join a room; the token travels in a header, the profile in the body</summary>
    public Task<JoinResult> JoinAsync(JoinPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.join is not implemented yet");

    /// <summary>Recent messages, filtered</summary>
    public Task<HistoryResult> HistoryAsync(HistoryPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.history is not implemented yet");

    /// <summary>Server stream of room events in the view the client asks for</summary>
    public Task ListenAsync(ListenPayload payload, IListenServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.listen is not implemented yet");

    /// <summary>Server stream that always renders the compact view</summary>
    public Task TickerAsync(TickerPayload payload, ITickerServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.ticker is not implemented yet");

    /// <summary>Client stream of messages; the result counts them</summary>
    public Task SendAsync(SendPayload payload, ISendServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.send is not implemented yet");

    /// <summary>Client stream of typing notices, no result</summary>
    public Task TypingAsync(TypingPayload payload, ITypingServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.typing is not implemented yet");

    /// <summary>Both ways at once</summary>
    public Task ConverseAsync(ConversePayload payload, IConverseServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.converse is not implemented yet");

    /// <summary>Room events as Server-Sent Events</summary>
    public Task FeedAsync(FeedPayload payload, IFeedServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.feed is not implemented yet");

    /// <summary>Client stream of messages sent as an NDJSON request body (one message a line); the result counts them</summary>
    public Task ImportAsync(ImportPayload payload, IImportServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.import is not implemented yet");

    /// <summary>Client stream of notices as an NDJSON request body, no result</summary>
    public Task NoticesAsync(NoticesPayload payload, INoticesServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.notices is not implemented yet");

    /// <summary>Room events as NDJSON alone, in the view the client asks for</summary>
    public Task ReplayAsync(ReplayPayload payload, IReplayServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.replay is not implemented yet");

    /// <summary>Upload a raw attachment</summary>
    public Task<AttachResult> AttachAsync(AttachPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.attach is not implemented yet");

    /// <summary>Download a room as a raw body</summary>
    public Task ExportAsync(ExportPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.export is not implemented yet");

    /// <summary>Returns the sample it is given (every primitive, both ways)</summary>
    public Task<Sample> EchoAsync(Sample payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.echo is not implemented yet");

    /// <summary>Rename a room; the body is one attribute of the payload</summary>
    public Task RenameAsync(RenamePayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.rename is not implemented yet");

    /// <summary>A primitive payload and result</summary>
    public Task<string> ShoutAsync(string payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.shout is not implemented yet");

    /// <summary>No payload and no result</summary>
    public Task CloseAsync(CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "chat.close is not implemented yet");
}
