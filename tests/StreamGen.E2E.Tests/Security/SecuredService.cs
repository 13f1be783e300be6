using Acme.Secured;
using Microsoft.AspNetCore.Http;

namespace StreamGen.E2E.Tests.Security;

/// <summary>The secured design's service: every result names the principal ASP.NET Core authenticated, so tests see who got in.</summary>
public sealed class SecuredService(IHttpContextAccessor accessor) : ISecuredService
{
    private string User => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";

    public Task<Tick> ReadAsync(ReadPayload payload, CancellationToken cancellationToken) => Task.FromResult(new Tick { N = payload.Name.Length, User = User });

    public async Task TicksAsync(TicksPayload payload, ITicksServerStream stream, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= payload.Count; i++)
        {
            await stream.SendAsync(new Tick { N = i, User = User }, cancellationToken);
        }
    }

    public async Task FeedAsync(FeedPayload payload, IFeedServerStream stream, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= payload.Count; i++)
        {
            await stream.SendAsync(new Tick { N = i, User = User }, cancellationToken);
        }
    }

    public async Task CollectAsync(ICollectServerStream stream, CancellationToken cancellationToken)
    {
        var sum = 0;
        await foreach (var tick in stream.ReadAllAsync(cancellationToken))
        {
            sum += tick.N;
        }

        await stream.SendAndCloseAsync(new Tick { N = sum, User = User }, cancellationToken);
    }

    public async Task ChatAsync(IChatServerStream stream, CancellationToken cancellationToken)
    {
        await foreach (var tick in stream.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(new Tick { N = tick.N * 10, User = User }, cancellationToken);
        }
    }

    public async Task<Tick> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return new Tick { N = text.Length, User = User };
    }

    public Task<Tick> DoublyAsync(DoublyPayload payload, CancellationToken cancellationToken) => Task.FromResult(new Tick { N = 2, User = User });

    public Task<Tick> EitherAsync(EitherPayload payload, CancellationToken cancellationToken) => Task.FromResult(new Tick { N = 3, User = User });

    // The credential attributes: each result's user is the credential the handler received in its payload.
    public Task<Tick> WhoamiAsync(WhoamiPayload payload, CancellationToken cancellationToken) => Task.FromResult(new Tick { N = 1, User = payload.Token });

    public async Task KeyTicksAsync(KeyTicksPayload payload, IKeyTicksServerStream stream, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= payload.Count; i++)
        {
            await stream.SendAsync(new Tick { N = i, User = payload.Key }, cancellationToken);
        }
    }

    public async Task KeyFeedAsync(KeyFeedPayload payload, IKeyFeedServerStream stream, CancellationToken cancellationToken) =>
        await stream.SendAsync(new Tick { N = 1, User = payload.Key }, cancellationToken);

    public async Task SigninAsync(SigninPayload payload, ISigninServerStream stream, CancellationToken cancellationToken)
    {
        var sum = 0;
        await foreach (var tick in stream.ReadAllAsync(cancellationToken))
        {
            sum += tick.N;
        }

        await stream.SendAndCloseAsync(new Tick { N = sum, User = $"{payload.Username}:{payload.Password}" }, cancellationToken);
    }

    public async Task OauthChatAsync(OauthChatPayload payload, IOauthChatServerStream stream, CancellationToken cancellationToken)
    {
        await foreach (var tick in stream.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(new Tick { N = tick.N, User = payload.AccessToken }, cancellationToken);
        }
    }

    public Task<Tick> EitherSeenAsync(EitherSeenPayload payload, CancellationToken cancellationToken) =>
        Task.FromResult(new Tick { N = 1, User = $"{payload.Token ?? "-"}|{payload.Key ?? "-"}|{payload.AccessToken ?? "-"}" });

    public Task<Tick> OpenAsync(CancellationToken cancellationToken) => Task.FromResult(new Tick { N = 0, User = User });
}
