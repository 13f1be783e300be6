using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;
using StreamGen.Values;

namespace StreamGen.E2E.Tests.Values;

/// <summary>
/// Issue #17's values: every payload value that validates arrives at the handler unchanged, over every transport and in
/// every position: a path segment, the query string (single and repeated keys), a header, the body, a WebSocket upgrade's
/// path/query/headers, the gRPC message and gRPC metadata. designs/values.yaml echoes what the handler received; each
/// value goes through the generated clients and through plain ones (HttpClient with hand-built URLs, protoc's client
/// with hand-built metadata), so a client and server that agree on a wrong encoding would still fail. Raw bodies carry
/// their payload and result in headers (Goa's upload_download), set before the first byte of the body.
/// </summary>
public sealed class PayloadValueTests(PayloadValueTests.Server fixture) : IClassFixture<PayloadValueTests.Server>
{
    /// <summary>
    /// The values: reserved URI characters, percent signs (also ones that look like escapes), spaces, non-ASCII, empty.
    /// A header value cannot begin or end with whitespace (HTTP trims it, RFC 9110 5.5) nor hold control characters, so
    /// none of these does.
    /// </summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["plain"] = "hello",
        ["reserved"] = "a/b?c#d&e=f+g;h,i:j@k$l!m'n(o)p*q[r]s\\t|u^v`w{x}y\"z<>",
        ["percent"] = "100% %2F %25 %zz %",
        ["spaces"] = "two  spaces and a+plus",
        ["non-ascii"] = "größe ☃ 日本語 🙂 é",
        ["dots"] = "...",
        ["empty"] = "",
        ["long"] = string.Concat(Enumerable.Repeat("a/b%c d é", 60)), // 540 characters, 1.3 KB escaped, in four places of one request line (8 KB)
    };

    public static TheoryData<Transport, string> Cases
    {
        get
        {
            var cases = new TheoryData<Transport, string>();
            foreach (var transport in new[] { Transport.WebSocket, Transport.Grpc })
            {
                foreach (var name in Samples.Keys)
                {
                    cases.Add(transport, name);
                }
            }

            return cases;
        }
    }

    public static TheoryData<string> Names => new(Samples.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_unary_payload_arrives_unchanged_in_every_position_through_the_generated_client(Transport transport, string name)
    {
        var value = Samples[name];
        var segment = value.Length == 0 ? "-" : value; // an empty path segment has no route to match (see below)

        var echoed = await Client(transport).UnaryAsync(new UnaryPayload { Segment = segment, Query = value, Header = value, Text = value, Items = [value, "second", value] });

        Assert.Equal((segment, value, value, value), (echoed.Segment, echoed.Query, echoed.Header, echoed.Text));
        Assert.Equal([value, "second", value], echoed.Items);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_stream_opening_payload_arrives_unchanged_through_the_generated_client(Transport transport, string name)
    {
        var value = Samples[name];
        var segment = value.Length == 0 ? "-" : value;

        await using var stream = await Client(transport).CollectAsync(new CollectPayload { Segment = segment, Query = value, Header = value });
        await stream.SendAsync(value);
        await stream.SendAsync("|end");
        var echoed = await stream.CloseAndRecvAsync();

        Assert.Equal((segment, value, value, value + "|end"), (echoed.Segment, echoed.Query, echoed.Header, echoed.Text));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_unary_payload_arrives_unchanged_from_a_plain_http_client(string name)
    {
        var value = Samples[name];
        var segment = value.Length == 0 ? "-" : value;
        using var http = new HttpClient(Utf8Headers()) { BaseAddress = fixture.Http.HttpAddress };
        var query = Uri.EscapeDataString(value);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/unary/{Uri.EscapeDataString(segment)}?query={query}&items={query}&items=second")
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = value }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Value", value);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var echoed = JsonDocument.Parse(body);
        var root = echoed.RootElement;
        Assert.Equal(
            (segment, value, value, value),
            (root.GetProperty("segment").GetString(), root.GetProperty("query").GetString(), root.GetProperty("header").GetString(), root.GetProperty("text").GetString()));
        Assert.Equal([value, "second"], root.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_payload_arrives_unchanged_from_a_plain_grpc_client_in_the_message_and_in_metadata(string name)
    {
        var value = Samples[name];
        var client = new StreamGen.Values.Protos.Echo.EchoClient(Channel());

        var unary = await client.UnaryAsync(new StreamGen.Values.Protos.UnaryRequest { Segment = value, Query = value, Header = value, Text = value, Items = { value } });
        Assert.Equal((value, value, value, value), (unary.Segment, unary.Query, unary.Header, unary.Text));
        Assert.Equal([value], unary.Items);

        using var call = client.Collect(new Metadata { { "segment", value }, { "query", value }, { "header", value } });
        await call.RequestStream.WriteAsync(new StreamGen.Values.Protos.CollectRequest { Value = value });
        await call.RequestStream.CompleteAsync();
        var collected = await call.ResponseAsync;
        Assert.Equal((value, value, value, value), (collected.Segment, collected.Query, collected.Header, collected.Text));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Long_values_arrive_unchanged(Transport transport)
    {
        // As long as the HTTP server's limits allow (request line 8 KB, headers 32 KB), and a megabyte in the body.
        var payload = new UnaryPayload { Segment = new string('p', 3000), Query = new string('q', 3000), Header = new string('h', 16_000), Text = new string('t', 1_000_000) };

        var echoed = await Client(transport).UnaryAsync(payload);

        Assert.Equal((payload.Segment, payload.Query, payload.Header, payload.Text), (echoed.Segment, echoed.Query, echoed.Header, echoed.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_path_segment_no_route_can_carry_is_refused_by_the_generated_client_before_it_sends(string segment)
    {
        // An empty segment matches no route (/unary/), and URI stacks remove dot segments whether escaped or not (Go's and
        // Kestrel's too), so these would reach another route or none: the client names the attribute instead of a 404.
        // Over gRPC they travel like any other value (see above).
        var error = await Assert.ThrowsAsync<StreamGen.Runtime.ValidationException>(() => Client(Transport.WebSocket).UnaryAsync(new UnaryPayload { Segment = segment, Query = "q", Header = "h", Text = "t" }));

        Assert.Equal("segment", Assert.Single(error.Errors).Field);
        var overGrpc = await Client(Transport.Grpc).UnaryAsync(new UnaryPayload { Segment = segment, Query = "q", Header = "h", Text = "t" });
        Assert.Equal(segment, overGrpc.Segment);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_map_payload_and_a_list_result_round_trip_with_every_value(Transport transport)
    {
        var pairs = Samples.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

        var listed = await Client(transport).PairsAsync(pairs);

        Assert.Equal(pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"), listed);
        Assert.Empty(await Client(transport).PairsAsync(new Dictionary<string, string>()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_raw_response_returns_its_result_from_the_headers_with_the_body(string name)
    {
        var value = Samples[name] is { Length: > 0 } sample and not "." and not ".." ? sample : "-";
        var client = (EchoHttpClient)Client(Transport.WebSocket);

        var (result, body) = await client.DownloadAsync(new DownloadPayload { Name = value, Size = 100_000 });
        await using (body)
        {
            using var reader = new StreamReader(body);
            Assert.Equal(new string('x', 100_000), await reader.ReadToEndAsync());
        }

        Assert.Equal((100_000L, "text/plain; charset=utf-8", value), (result.Length, result.Type, result.Name));
    }

    [Fact]
    public async Task A_raw_response_sets_its_result_headers_before_the_body_for_a_plain_client()
    {
        using var http = new HttpClient(Utf8Headers()) { BaseAddress = fixture.Http.HttpAddress };

        using var response = await http.GetAsync("/files/r%C3%A9sum%C3%A9%2F1.txt?size=5", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("résumé/1.txt", Assert.Single(response.Headers.GetValues("X-Name")));
        Assert.Equal("xxxxx", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_raw_request_takes_its_content_type_from_the_header_and_validates_it_before_the_handler()
    {
        var client = (EchoHttpClient)Client(Transport.WebSocket);
        var service = (EchoService)fixture.Http.Services.GetRequiredService<IEchoService>();

        var echoed = await client.UploadAsync(new UploadPayload { Name = "a b/ü.txt", ContentType = "text/plain; charset=utf-8" }, new MemoryStream(Encoding.UTF8.GetBytes("größe")));
        Assert.Equal(("a b/ü.txt", "text/plain; charset=utf-8", "größe"), (echoed.Segment, echoed.Header, echoed.Text));

        var before = service.Uploads;
        using var http = new HttpClient { BaseAddress = fixture.Http.HttpAddress };
        using var content = new StringContent("x");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var refused = await http.PutAsync("/files/x", content);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("contentType", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, service.Uploads);
    }

    /// <summary>
    /// Header values and gRPC metadata with non-ASCII letters travel as UTF-8, as Go's clients (Goa's) send them and the
    /// generated host reads them; .NET's handler refuses to send them unless told to encode headers as UTF-8.
    /// </summary>
    private static SocketsHttpHandler Utf8Headers() => new() { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8 };

    private IEchoClient Client(Transport transport) =>
        transport == Transport.WebSocket ? new EchoHttpClient(fixture.HttpClient) : new EchoGrpcClient(fixture.Channel);

    private GrpcChannel Channel() => fixture.Channel;

    /// <summary>One server for the class, with clients whose handlers send header values as UTF-8.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public TestServer Http { get; private set; } = null!;

        public HttpClient HttpClient { get; private set; } = null!;

        public GrpcChannel Channel { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Http = await TestServer.StartAsync(builder => builder.AddValuesServer(), app => app.MapValuesServer(), services => services.AddSingleton<IEchoService, EchoService>());
            HttpClient = new HttpClient(Utf8Headers()) { BaseAddress = Http.HttpAddress };
            Channel = GrpcChannel.ForAddress(Http.GrpcAddress, new GrpcChannelOptions { HttpHandler = Utf8Headers() });
        }

        public async Task DisposeAsync()
        {
            HttpClient.Dispose();
            Channel.Dispose();
            await Http.DisposeAsync();
        }
    }
}
