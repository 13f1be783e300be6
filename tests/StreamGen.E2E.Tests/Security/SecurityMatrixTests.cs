using System.Net;
using System.Text;
using Acme.Secured;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;
using StreamGen.Runtime;
using Protos = Acme.Secured.Protos;

namespace StreamGen.E2E.Tests.Security;

/// <summary>
/// designs/secured.yaml at run time: every scheme kind on every transport and stream shape, each with a valid credential,
/// none, a wrong one and one that lacks a scope, seen by a plain client (HttpClient, a WebSocket upgrade, protoc's gRPC
/// client) and by the generated clients. A refusal happens before any upgrade or first byte: 401 with the scheme's
/// challenge, 403 for a missing scope, Goa's error body; over gRPC UNAUTHENTICATED and PERMISSION_DENIED.
/// </summary>
public sealed class SecurityMatrixTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public enum Outcome
    {
        Valid,
        None,
        Wrong,
        MissingScope,
    }

    /// <summary>(method, scheme, transport) of every secured method the design serves, and the outcomes that apply to its scheme.</summary>
    public static TheoryData<string, string, Outcome> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, Outcome>();
            foreach (var (method, transport, scopes) in new[]
            {
                ("read", "http", true), ("read", "grpc", true),
                ("ticks", "websocket", true), ("ticks", "grpc", true),
                ("feed", "sse", false),
                ("collect", "websocket", true), ("collect", "grpc", true),
                ("chat", "websocket", true), ("chat", "grpc", true),
                ("upload", "raw", false),
                ("doubly", "http", true), ("doubly", "grpc", true),
                ("either", "http", true), ("either", "grpc", true),
            })
            {
                foreach (var outcome in Enum.GetValues<Outcome>().Where(o => scopes || o != Outcome.MissingScope))
                {
                    data.Add(method, transport, outcome);
                }
            }

            return data;
        }
    }

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(builder => builder.AddSecuredServer(), app => app.MapSecuredServer(), services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<ISecuredService, SecuredService>();
            Tokens.AddBearers(services);
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_plain_client_sees_the_status_the_credentials_earn(string method, string transport, Outcome outcome)
    {
        var credentials = Credentials(method, outcome);

        if (transport == "grpc")
        {
            var status = await PlainGrpcAsync(method, credentials);
            Assert.Equal(ExpectedGrpc(outcome), status);
            return;
        }

        using var response = await PlainHttpAsync(method, transport, credentials);
        Assert.Equal(ExpectedHttp(transport, outcome), response.StatusCode);
        if (outcome == Outcome.Valid)
        {
            // Upgraded or streaming: the handler runs, its body is the stream's.
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        var name = outcome == Outcome.MissingScope ? "forbidden" : "unauthorized";
        Assert.Contains($"\"name\":\"{name}\"", body, StringComparison.Ordinal);
        Assert.Equal(name, response.Headers.GetValues("goa-error").Single());
        if (outcome != Outcome.MissingScope)
        {
            var challenges = string.Join(" | ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
            Assert.Contains(Challenge(method), challenges, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task The_generated_client_sends_the_credentials_and_reports_the_refusal(string method, string transport, Outcome outcome)
    {
        var credentials = ClientCredentialsFor(method, outcome);
        var call = () => CallGeneratedAsync(method, transport, credentials);

        if (outcome == Outcome.Valid)
        {
            var user = await call();
            Assert.Equal(ExpectedUser(method), user);
            return;
        }

        var error = await Assert.ThrowsAnyAsync<ServiceError>(call);
        var name = outcome == Outcome.MissingScope ? "forbidden" : "unauthorized";
        Assert.Equal(name, error.Name);
        if (transport == "grpc")
        {
            Assert.Equal(ExpectedGrpc(outcome), Assert.IsType<GrpcServiceError>(error).StatusCode);
        }
        else
        {
            Assert.Equal((int)ExpectedHttp(transport, outcome), Assert.IsType<HttpServiceError>(error).StatusCode);
        }
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task An_open_method_needs_no_credentials(string transport)
    {
        ISecuredClient client = transport == "grpc" ? new SecuredGrpcClient(GrpcChannel.ForAddress(_server.GrpcAddress)) : new SecuredHttpClient(Http());

        var tick = await client.OpenAsync();

        Assert.Equal("anonymous", tick.User);
    }

    [Fact]
    public async Task A_browser_sends_the_jwt_in_the_query_string_or_as_a_websocket_subprotocol()
    {
        var token = Tokens.Jwt("ada", "api:read");
        using var http = Http();

        using var query = await http.SendAsync(WebSocketUpgrade.Request($"/ticks?count=1&access_token={token}"), HttpCompletionOption.ResponseHeadersRead);
        using var protocolRequest = WebSocketUpgrade.Request("/ticks?count=1");
        protocolRequest.Headers.TryAddWithoutValidation("Sec-WebSocket-Protocol", $"bearer, bearer.{token}");
        using var protocol = await http.SendAsync(protocolRequest, HttpCompletionOption.ResponseHeadersRead);
        using var wrong = await http.SendAsync(WebSocketUpgrade.Request("/ticks?count=1&access_token=not-a-token"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, query.StatusCode);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, protocol.StatusCode);
        Assert.Equal("bearer", protocol.Headers.GetValues("Sec-WebSocket-Protocol").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_token_provider_is_asked_before_every_call_so_it_may_refresh()
    {
        var asked = 0;
        var credentials = new ClientCredentials { AccessToken = _ => ValueTask.FromResult<string?>(Tokens.Jwt($"ada{Interlocked.Increment(ref asked)}", "api:read")) };
        var client = new SecuredGrpcClient(GrpcChannel.ForAddress(_server.GrpcAddress), credentials: credentials);

        var first = await client.ReadAsync(new ReadPayload { Name = "x" });
        var second = await client.ReadAsync(new ReadPayload { Name = "x" });

        Assert.Equal(("ada1", "ada2"), (first.User, second.User));
    }

    [Fact]
    public async Task Refused_requests_leave_everyone_else_served()
    {
        using var http = Http();
        var refused = Enumerable.Range(0, 20).Select(_ => http.SendAsync(WebSocketUpgrade.Request("/ticks?count=1"), HttpCompletionOption.ResponseHeadersRead)).ToList();
        var client = new SecuredHttpClient(Http(), new StreamGenClientOptions { Credentials = ClientCredentials.Bearer(Tokens.Jwt("ada", "api:read")) });

        await using var stream = await client.TicksAsync(new TicksPayload { Count = 3 });
        var ticks = new List<int>();
        await foreach (var tick in stream.ReadAllAsync())
        {
            ticks.Add(tick.N);
        }

        Assert.All(await Task.WhenAll(refused), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal([1, 2, 3], ticks);
    }

    // --- expectations -------------------------------------------------------------------------------------------------

    private static HttpStatusCode ExpectedHttp(string transport, Outcome outcome) => outcome switch
    {
        Outcome.Valid => transport == "websocket" ? HttpStatusCode.SwitchingProtocols : HttpStatusCode.OK,
        Outcome.MissingScope => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.Unauthorized,
    };

    private static StatusCode ExpectedGrpc(Outcome outcome) => outcome switch
    {
        Outcome.Valid => StatusCode.OK,
        Outcome.MissingScope => StatusCode.PermissionDenied,
        _ => StatusCode.Unauthenticated,
    };

    /// <summary>The challenge of the scheme of the method's first alternative.</summary>
    private static string Challenge(string method) => method switch
    {
        "read" or "ticks" or "doubly" or "either" => "Bearer",
        "feed" => "ApiKey realm=\"key_query\", query=\"key\"",
        "collect" => "Basic realm=\"secured\", charset=\"UTF-8\"",
        "chat" => "Bearer",
        _ => "ApiKey realm=\"api_key\", header=\"X-API-Key\"",
    };

    /// <summary>The name the handler saw: with several schemes (doubly), ASP.NET Core puts the last one's identity first.</summary>
    private static string ExpectedUser(string method) => method switch
    {
        "doubly" => "keyholder",
        "feed" => "querier",
        "upload" => "keyholder",
        "collect" => "ada",
        "either" => "ada-oauth",
        _ => "ada",
    };

    // --- credentials ---------------------------------------------------------------------------------------------------

    /// <summary>What a request carries: an Authorization value, an X-API-Key, a key query parameter.</summary>
    private sealed record Sent(string? Authorization = null, string? ApiKey = null, string? QueryKey = null);

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static Sent? Credentials(string method, Outcome outcome) => (method, outcome) switch
    {
        (_, Outcome.None) => null,
        ("read" or "ticks", Outcome.Valid) => new("Bearer " + Tokens.Jwt("ada", "api:read")),
        ("read" or "ticks", Outcome.Wrong) => new("Bearer " + Tokens.Forged("jwt-issuer", "ada", "api:read")),
        ("read" or "ticks", Outcome.MissingScope) => new("Bearer " + Tokens.Jwt("ada", "api:write")),
        ("feed", Outcome.Valid) => new(QueryKey: SecuredCredentials.QueryKey),
        ("feed", _) => new(QueryKey: "wrong-key"),
        ("collect", Outcome.Valid) => new(Basic("ada", "secret")),
        ("collect", Outcome.Wrong) => new(Basic("ada", "wrong")),
        ("collect", Outcome.MissingScope) => new(Basic("guest", "guest")),
        ("chat", Outcome.Valid) => new("Bearer " + Tokens.OAuth2("ada", "api:write")),
        ("chat", Outcome.Wrong) => new("Bearer " + Tokens.Jwt("ada", "api:write")),
        ("chat", Outcome.MissingScope) => new("Bearer " + Tokens.OAuth2("ada", "api:read")),
        ("upload", Outcome.Valid) => new(ApiKey: SecuredCredentials.ApiKey),
        ("upload", _) => new(ApiKey: "wrong-key"),
        ("doubly", Outcome.Valid) => new("Bearer " + Tokens.Jwt("ada", "api:read", "api:write"), SecuredCredentials.ApiKey),
        ("doubly", Outcome.Wrong) => new("Bearer " + Tokens.Jwt("ada", "api:read", "api:write"), "wrong-key"),
        ("doubly", Outcome.MissingScope) => new("Bearer " + Tokens.Jwt("ada", "api:read"), SecuredCredentials.ApiKey),
        ("either", Outcome.Valid) => new("Bearer " + Tokens.OAuth2("ada-oauth", "api:read")),
        ("either", Outcome.Wrong) => new("Bearer " + Tokens.Forged("oauth2-issuer", "ada", "api:read")),
        ("either", Outcome.MissingScope) => new("Bearer " + Tokens.OAuth2("ada-oauth", "api:write")),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>
    /// The same credentials as the generated clients take them: one bearer token provider serves the jwt and oauth2
    /// schemes alike (each validates it its own way), API keys by scheme, Basic credentials.
    /// </summary>
    private static ClientCredentials? ClientCredentialsFor(string method, Outcome outcome)
    {
        if (Credentials(method, outcome) is not { } sent)
        {
            return null;
        }

        var token = sent.Authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a[7..] : null;
        var basic = sent.Authorization is { } b && b.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(b[6..])).Split(':', 2)
            : null;
        return new ClientCredentials
        {
            AccessToken = token is null ? null : _ => ValueTask.FromResult<string?>(token),
            ApiKeys = new Dictionary<string, string>
            {
                ["api_key"] = sent.ApiKey ?? "",
                ["key_query"] = sent.QueryKey ?? "",
            }.Where(k => k.Value.Length > 0).ToDictionary(),
            Username = basic?[0],
            Password = basic?[1],
        };
    }

    // --- plain clients -------------------------------------------------------------------------------------------------

    private HttpClient Http() => new() { BaseAddress = _server.HttpAddress };

    private async Task<HttpResponseMessage> PlainHttpAsync(string method, string transport, Sent? sent)
    {
        var query = sent?.QueryKey is { } key ? $"&key={key}" : "";
        var request = (method, transport) switch
        {
            ("read", _) => new HttpRequestMessage(HttpMethod.Get, "/read/abc"),
            ("ticks", _) => WebSocketUpgrade.Request("/ticks?count=2"),
            ("feed", _) => new HttpRequestMessage(HttpMethod.Get, $"/feed?count=2{query}"),
            ("collect", _) => WebSocketUpgrade.Request("/collect"),
            ("chat", _) => WebSocketUpgrade.Request("/chat"),
            ("upload", _) => new HttpRequestMessage(HttpMethod.Post, "/upload/abc") { Content = new StringContent("hello") },
            ("doubly", _) => new HttpRequestMessage(HttpMethod.Put, "/doubly/abc"),
            _ => new HttpRequestMessage(HttpMethod.Post, "/either/abc"),
        };
        if (method == "feed")
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        if (sent?.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (sent?.ApiKey is { } apiKey)
        {
            request.Headers.TryAddWithoutValidation("X-API-Key", apiKey);
        }

        using (request)
        {
            return await Http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
    }

    private async Task<StatusCode> PlainGrpcAsync(string method, Sent? sent)
    {
        using var channel = GrpcChannel.ForAddress(_server.GrpcAddress);
        var client = new Protos.Secured.SecuredClient(channel);
        var headers = new Metadata();
        if (sent?.Authorization is { } authorization)
        {
            headers.Add("authorization", authorization);
        }

        if (sent?.ApiKey is { } apiKey)
        {
            headers.Add("x-api-key", apiKey);
        }

        try
        {
            switch (method)
            {
                case "read":
                    await client.ReadAsync(new Protos.ReadRequest { Name = "abc" }, headers);
                    break;
                case "doubly":
                    await client.DoublyAsync(new Protos.DoublyRequest { Name = "abc" }, headers);
                    break;
                case "either":
                    await client.EitherAsync(new Protos.EitherRequest { Name = "abc" }, headers);
                    break;
                case "ticks":
                    using (var call = client.Ticks(new Protos.TicksRequest { Count = 2 }, headers))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }

                    break;
                case "collect":
                    using (var call = client.Collect(headers))
                    {
                        await SendRacingRefusalAsync(call.RequestStream, new Protos.CollectRequest { N = 1, User = "x" });
                        await call;
                    }

                    break;
                default:
                    using (var call = client.Chat(headers))
                    {
                        await SendRacingRefusalAsync(call.RequestStream, new Protos.ChatRequest { N = 1, User = "x" });
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }

                    break;
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>
    /// Sends one message and completes the request stream of a call the server may already have refused. A refusal is a
    /// trailers-only response after which Kestrel resets the request stream (RFC 9113 §8.1): a write racing it fails with
    /// CANCELLED, which is the client's own write, not the call's status; the call's status is read from the response, as
    /// a grpc-dotnet user does.
    /// </summary>
    private static async Task SendRacingRefusalAsync<T>(IClientStreamWriter<T> requests, T message)
    {
        try
        {
            await requests.WriteAsync(message);
            await requests.CompleteAsync();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }
    }

    // --- generated clients ---------------------------------------------------------------------------------------------

    /// <summary>Calls <paramref name="method"/> through the generated client of <paramref name="transport"/>; returns the user the server saw.</summary>
    private async Task<string> CallGeneratedAsync(string method, string transport, ClientCredentials? credentials)
    {
        ISecuredClient client = transport == "grpc"
            ? new SecuredGrpcClient(GrpcChannel.ForAddress(_server.GrpcAddress), credentials: credentials)
            : new SecuredHttpClient(Http(), new StreamGenClientOptions { Credentials = credentials });
        switch (method)
        {
            case "read":
                return (await client.ReadAsync(new ReadPayload { Name = "abc" })).User;
            case "doubly":
                return (await client.DoublyAsync(new DoublyPayload { Name = "abc" })).User;
            case "either":
                return (await client.EitherAsync(new EitherPayload { Name = "abc" })).User;
            case "upload":
                return (await client.UploadAsync(new UploadPayload { Name = "abc" }, new MemoryStream("hello"u8.ToArray()))).User;
            case "ticks":
            {
                await using var stream = await client.TicksAsync(new TicksPayload { Count = 2 });
                var users = new List<string>();
                await foreach (var tick in stream.ReadAllAsync())
                {
                    users.Add(tick.User);
                }

                return users.Distinct().Single();
            }

            case "feed":
            {
                await using var stream = await client.FeedAsync(new FeedPayload { Count = 2 });
                var users = new List<string>();
                await foreach (var tick in stream.ReadAllAsync())
                {
                    users.Add(tick.User);
                }

                return users.Distinct().Single();
            }

            case "collect":
            {
                await using var stream = await client.CollectAsync();
                await stream.SendAsync(new Tick { N = 1, User = "x" });
                await stream.SendAsync(new Tick { N = 2, User = "x" });
                var result = await stream.CloseAndRecvAsync();
                Assert.Equal(3, result.N);
                return result.User;
            }

            default:
            {
                await using var stream = await client.ChatAsync();
                await stream.SendAsync(new Tick { N = 4, User = "x" });
                var reply = await stream.RecvAsync();
                await stream.CloseAsync();
                Assert.Equal(40, reply!.N);
                return reply.User;
            }
        }
    }
}
