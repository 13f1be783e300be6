using System.Net;
using Acme.Logger;
using StreamGen.E2E.Tests.Support;
using Runtime = Acme.Logger.Runtime;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The logger contract's credentials: publish and upload require an API key (X-API-Key, or api_key in the query for
/// browsers) from Logger:ApiKeys; a missing or wrong one gets 401 before any upgrade (gRPC UNAUTHENTICATED), and the
/// other methods stay open.
/// </summary>
public sealed class LoggerCredentialsTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Publish_without_a_valid_key_is_refused_before_the_upgrade(string? key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        using var request = WebSocketUpgrade.Request("/logs/publish");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-API-Key", key);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey realm=\"api_key\", header=\"X-API-Key\"", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("unauthorized", response.Headers.GetValues("goa-error").Single());
        Assert.Contains("\"name\":\"unauthorized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_sends_the_key_in_the_query_string()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        using var upgraded = await http.SendAsync(WebSocketUpgrade.Request($"/logs/publish?api_key={LoggerServerFixture.ApiKey}"), HttpCompletionOption.ResponseHeadersRead);
        using var wrong = await http.SendAsync(WebSocketUpgrade.Request("/logs/publish?api_key=wrong"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, upgraded.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task The_generated_client_without_the_key_gets_unauthorized_and_nothing_is_published(Transport transport)
    {
        var topic = $"keyless-{transport}-{Guid.NewGuid():N}";
        var client = fixture.Client(transport, null);
        var wrong = fixture.Client(transport, Runtime::ClientCredentials.Key("wrong"));

        var missing = await Assert.ThrowsAnyAsync<Runtime::ServiceError>(async () =>
        {
            await using var stream = await client.PublishAsync();
            await stream.SendAsync(new LogEntry { Topic = topic, Message = "never" });
            await stream.CloseAndRecvAsync();
        });
        var refused = await Assert.ThrowsAnyAsync<Runtime::ServiceError>(async () =>
        {
            await using var stream = await wrong.PublishAsync();
            await stream.SendAsync(new LogEntry { Topic = topic, Message = "never" });
            await stream.CloseAndRecvAsync();
        });

        Assert.Equal(("unauthorized", "unauthorized"), (missing.Name, refused.Name));
        if (transport == Transport.Grpc)
        {
            Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, Assert.IsType<Runtime::GrpcServiceError>(missing).StatusCode);
        }
        else
        {
            Assert.Equal(401, Assert.IsType<Runtime::HttpServiceError>(missing).StatusCode);
        }

        Assert.Empty((await fixture.Client(transport).RecentAsync(new RecentPayload { Topic = topic })).Entries);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task With_the_key_the_generated_client_publishes(Transport transport)
    {
        var topic = $"keyed-{transport}-{Guid.NewGuid():N}";
        var client = fixture.Client(transport);

        await using var stream = await client.PublishAsync();
        await stream.SendAsync(new LogEntry { Topic = topic, Message = "kept" });
        var result = await stream.CloseAndRecvAsync();

        Assert.Equal(1, result.Count);
        Assert.Equal(["kept"], (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries.Select(e => e.Message));
    }

    [Fact]
    public async Task Upload_needs_the_key_and_the_other_methods_stay_open()
    {
        var topic = $"upload-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        using var refused = await http.PostAsync($"/logs/{topic}/archive", new StringContent("{\"message\":\"never\"}\n"));
        using var keyed = new HttpRequestMessage(HttpMethod.Post, $"/logs/{topic}/archive") { Content = new StringContent("{\"message\":\"kept\"}\n") };
        keyed.Headers.TryAddWithoutValidation("X-API-Key", LoggerServerFixture.ApiKey);
        using var accepted = await http.SendAsync(keyed);
        using var queried = await http.PostAsync($"/logs/{topic}/archive?api_key={LoggerServerFixture.ApiKey}", new StringContent("{\"message\":\"also kept\"}\n"));
        using var recent = await http.GetAsync($"/logs/{topic}");
        using var download = await http.GetAsync($"/logs/{topic}/archive");
        using var subscribe = await http.SendAsync(WebSocketUpgrade.Request($"/logs/{topic}/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var watch = await http.SendAsync(WebSocketUpgrade.Request("/logs/watch"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK),
            (refused.StatusCode, accepted.StatusCode, queried.StatusCode));
        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.SwitchingProtocols, HttpStatusCode.SwitchingProtocols),
            (recent.StatusCode, download.StatusCode, subscribe.StatusCode, watch.StatusCode));
        Assert.Contains("\"kept\"", await recent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("never", await recent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
