using System.Net;
using System.Net.Http.Json;
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
/// designs/secured.yaml's credential attributes (Goa's TokenField, APIKeyField, UsernameField/PasswordField,
/// AccessTokenField) at run time: the handler receives, in its payload, the credential the request was admitted with, on
/// every transport (unary HTTP, WebSocket, SSE, NDJSON, gRPC request message and metadata); a generated client sends the
/// payload's credential as its scheme's; a wrong one is still refused before the handler; with alternatives, only the
/// credentials of the alternative that admitted the request reach it.
/// </summary>
public sealed class CredentialAttributeTests : IAsyncLifetime
{
    private static readonly string Jwt = Tokens.Jwt("ada", "api:read", "api:write");
    private static readonly string OAuth2 = Tokens.OAuth2("ada-oauth", "api:read", "api:write");

    private TestServer _server = null!;

    public static TheoryData<string, string> Calls => new()
    {
        { "whoami", "http" }, { "whoami", "grpc" },
        { "key_ticks", "websocket" }, { "key_ticks", "grpc" },
        { "key_feed", "sse" }, { "key_feed", "ndjson" },
        { "signin", "websocket" }, { "signin", "grpc" },
        { "oauth_chat", "websocket" }, { "oauth_chat", "grpc" },
    };

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(builder => builder.AddSecuredServer(), app => app.MapSecuredServer(), services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<ISecuredService, SecuredService>();
            Tokens.AddBearers(services);
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_generated_client_sends_the_payloads_credential_and_the_handler_receives_it(string method, string transport)
    {
        // The client's own credentials are wrong: the payload's take their place.
        var wrong = new ClientCredentials { AccessToken = _ => ValueTask.FromResult<string?>("not-a-token"), ApiKey = "wrong-key", Username = "x", Password = "y" };

        var seen = await CallAsync(Client(transport, wrong), method, Good(method));

        Assert.Equal(Expected(method), seen);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_wrong_credential_in_the_payload_is_refused_before_the_handler(string method, string transport)
    {
        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => CallAsync(Client(transport, null), method, Wrong(method)));

        Assert.Equal("unauthorized", error.Name);
        if (transport == "grpc")
        {
            Assert.Equal(StatusCode.Unauthenticated, Assert.IsType<GrpcServiceError>(error).StatusCode);
        }
        else
        {
            Assert.Equal(401, Assert.IsType<HttpServiceError>(error).StatusCode);
        }
    }

    [Fact]
    public async Task A_plain_http_client_gets_its_bearer_token_in_the_payload_and_a_token_in_the_body_is_not_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whoami") { Content = JsonContent.Create(new { token = "from-the-body", name = "x" }) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Jwt);

        using var response = await Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Jwt, (await response.Content.ReadFromJsonAsync<Tick>())!.User);
    }

    [Fact]
    public async Task A_plain_grpc_client_gets_its_metadata_credentials_in_the_payload_and_the_messages_have_no_credential_field()
    {
        using var channel = GrpcChannel.ForAddress(_server.GrpcAddress);
        var client = new Protos.Secured.SecuredClient(channel);

        var unary = await client.WhoamiAsync(new Protos.WhoamiRequest { Name = "x" }, new Metadata { { "authorization", "Bearer " + Jwt } });
        using var signin = client.Signin(new Metadata { { "authorization", Basic("ada", "secret") } });
        await signin.RequestStream.WriteAsync(new Protos.SigninRequest { N = 2, User = "x" });
        await signin.RequestStream.CompleteAsync();
        var collected = await signin;

        Assert.Equal(Jwt, unary.User);
        Assert.Equal("ada:secret", collected.User);
        Assert.Null(Protos.WhoamiRequest.Descriptor.FindFieldByName("token"));
        Assert.Null(Protos.KeyTicksRequest.Descriptor.FindFieldByName("key"));
        Assert.Equal(["count"], Protos.KeyTicksRequest.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name));
    }

    [Fact]
    public async Task A_plain_websocket_upgrade_and_an_sse_request_fill_the_key_from_the_header_or_the_query()
    {
        using var upgrade = WebSocketUpgrade.Request("/key-ticks?count=1");
        upgrade.Headers.TryAddWithoutValidation("X-API-Key", SecuredCredentials.ApiKey);
        using var upgraded = await Http().SendAsync(upgrade, HttpCompletionOption.ResponseHeadersRead);
        using var feed = await Http().GetAsync($"/key-feed?key={SecuredCredentials.QueryKey}");
        using var refused = await Http().GetAsync("/key-feed?key=wrong-key");

        Assert.Equal(HttpStatusCode.SwitchingProtocols, upgraded.StatusCode);
        Assert.Contains($"\"user\":\"{SecuredCredentials.QueryKey}\"", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("\"name\":\"unauthorized\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Only_the_admitting_alternatives_credentials_reach_the_handler(string transport)
    {
        var client = Client(transport, null);

        // oauth2 admits: the bearer token is not the jwt scheme's (it fails jwt's validation), and the key is not read.
        var byOAuth = await client.EitherSeenAsync(new EitherSeenPayload { AccessToken = OAuth2, Key = SecuredCredentials.ApiKey });
        var byJwtAndKey = await client.EitherSeenAsync(new EitherSeenPayload { Token = Jwt, Key = SecuredCredentials.ApiKey });
        var byClientCredentials = await Client(transport, new ClientCredentials { AccessToken = _ => ValueTask.FromResult<string?>(OAuth2) })
            .EitherSeenAsync(new EitherSeenPayload());

        Assert.Equal($"-|-|{OAuth2}", byOAuth.User);
        Assert.Equal($"{Jwt}|{SecuredCredentials.ApiKey}|-", byJwtAndKey.User);
        Assert.Equal($"-|-|{OAuth2}", byClientCredentials.User);
    }

    // --- calls ---------------------------------------------------------------------------------------------------------

    private sealed record Credential(string Value, string? Password = null);

    private static Credential Good(string method) => method switch
    {
        "whoami" => new(Jwt),
        "key_ticks" => new(SecuredCredentials.ApiKey),
        "key_feed" => new(SecuredCredentials.QueryKey),
        "signin" => new("ada", "secret"),
        _ => new(OAuth2),
    };

    private static Credential Wrong(string method) => method switch
    {
        "whoami" => new(Tokens.Forged("jwt-issuer", "ada", "api:read")),
        "signin" => new("ada", "wrong"),
        "oauth_chat" => new(Tokens.Jwt("ada", "api:write")),
        _ => new("wrong-key"),
    };

    private static string Expected(string method) => Good(method) is { Password: { } password } basic ? $"{basic.Value}:{password}" : Good(method).Value;

    private ISecuredClient Client(string transport, ClientCredentials? credentials) => transport switch
    {
        "grpc" => new SecuredGrpcClient(GrpcChannel.ForAddress(_server.GrpcAddress), credentials: credentials),
        "ndjson" => new SecuredHttpClient(Http(), new StreamGenClientOptions { Credentials = credentials, ServerStreamFraming = StreamFraming.JsonLines }),
        _ => new SecuredHttpClient(Http(), new StreamGenClientOptions { Credentials = credentials }),
    };

    /// <summary>Calls <paramref name="method"/> with the credential in its payload; returns the user the handler saw.</summary>
    private static async Task<string> CallAsync(ISecuredClient client, string method, Credential credential)
    {
        switch (method)
        {
            case "whoami":
                return (await client.WhoamiAsync(new WhoamiPayload { Token = credential.Value, Name = "x" })).User;
            case "key_ticks":
            {
                await using var stream = await client.KeyTicksAsync(new KeyTicksPayload { Key = credential.Value, Count = 2 });
                return await SingleUserAsync(stream.ReadAllAsync());
            }

            case "key_feed":
            {
                await using var stream = await client.KeyFeedAsync(new KeyFeedPayload { Key = credential.Value });
                return await SingleUserAsync(stream.ReadAllAsync());
            }

            case "signin":
            {
                await using var stream = await client.SigninAsync(new SigninPayload { Username = credential.Value, Password = credential.Password! });
                await stream.SendAsync(new Tick { N = 1, User = "x" });
                await stream.SendAsync(new Tick { N = 2, User = "x" });
                var result = await stream.CloseAndRecvAsync();
                Assert.Equal(3, result.N);
                return result.User;
            }

            default:
            {
                await using var stream = await client.OauthChatAsync(new OauthChatPayload { AccessToken = credential.Value });
                await stream.SendAsync(new Tick { N = 4, User = "x" });
                var reply = await stream.RecvAsync();
                await stream.CloseAsync();
                return reply!.User;
            }
        }
    }

    private static async Task<string> SingleUserAsync(IAsyncEnumerable<Tick> ticks)
    {
        var users = new List<string>();
        await foreach (var tick in ticks)
        {
            users.Add(tick.User);
        }

        return users.Distinct().Single();
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private HttpClient Http() => new() { BaseAddress = _server.HttpAddress };
}
