// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using StreamGen.Runtime;

namespace Acme.Secured;

/// <summary>Methods that require credentials, one per transport and shape.</summary>
public sealed class SecuredService : ISecuredService
{
    /// <summary>Unary, secured by the service's security: a JWT with api:read</summary>
    public Task<Tick> ReadAsync(ReadPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.read is not implemented yet");

    /// <summary>Server stream over a WebSocket: a JWT with api:read (the service's security)</summary>
    public Task TicksAsync(TicksPayload payload, ITicksServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.ticks is not implemented yet");

    /// <summary>Server-Sent Events, an API key in the query string</summary>
    public Task FeedAsync(FeedPayload payload, IFeedServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.feed is not implemented yet");

    /// <summary>Client stream over a WebSocket: Basic credentials with api:read</summary>
    public Task CollectAsync(ICollectServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.collect is not implemented yet");

    /// <summary>Bidirectional stream over a WebSocket: an OAuth2 token with api:write</summary>
    public Task ChatAsync(IChatServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.chat is not implemented yet");

    /// <summary>Raw request body, an API key in the X-API-Key header</summary>
    public Task<Tick> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.upload is not implemented yet");

    /// <summary>Both a JWT with api:read and api:write and an API key (Goa's doubly_secure)</summary>
    public Task<Tick> DoublyAsync(DoublyPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.doubly is not implemented yet");

    /// <summary>A JWT and an API key with api:write, or an OAuth2 token with api:read (after Goa's also_doubly_secure)</summary>
    public Task<Tick> EitherAsync(EitherPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.either is not implemented yet");

    /// <summary>Open to anyone (Goa NoSecurity)</summary>
    public Task<Tick> OpenAsync(CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.open is not implemented yet");
}
