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

    /// <summary>Unary: the handler receives the JWT the request was admitted with as the payload's token (Goa TokenField)</summary>
    public Task<Tick> WhoamiAsync(WhoamiPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.whoami is not implemented yet");

    /// <summary>Server stream over a WebSocket: the API key in the payload's key (Goa APIKeyField)</summary>
    public Task KeyTicksAsync(KeyTicksPayload payload, IKeyTicksServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.key_ticks is not implemented yet");

    /// <summary>Server-Sent Events (and NDJSON): the API key of the query string in the payload's key</summary>
    public Task KeyFeedAsync(KeyFeedPayload payload, IKeyFeedServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.key_feed is not implemented yet");

    /// <summary>Client stream over a WebSocket: Basic credentials in the payload's username and password (Goa UsernameField, PasswordField)</summary>
    public Task SigninAsync(SigninPayload payload, ISigninServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.signin is not implemented yet");

    /// <summary>Bidirectional stream over a WebSocket: the OAuth2 access token in the payload's access_token (Goa AccessTokenField)</summary>
    public Task OauthChatAsync(OauthChatPayload payload, IOauthChatServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.oauth_chat is not implemented yet");

    /// <summary>Two alternatives: only the credentials of the one that admitted the request reach the handler</summary>
    public Task<Tick> EitherSeenAsync(EitherSeenPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.either_seen is not implemented yet");

    /// <summary>Open to anyone (Goa NoSecurity)</summary>
    public Task<Tick> OpenAsync(CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "secured.open is not implemented yet");
}
