using System.Net;
using System.Text;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Http;

/// <summary>The client's unary and raw calls: the server's error as a ServiceError, results decoded and validated, raw bodies, and the URI.</summary>
public sealed class HttpCallsTests
{
    [Fact]
    public async Task A_non_success_response_is_the_service_error_of_its_body()
    {
        using var client = Client(HttpStatusCode.NotFound, """{"name":"not_found","id":"x","message":"gone","temporary":false,"timeout":false,"fault":false}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");

        var error = await Assert.ThrowsAsync<HttpServiceError>(() => HttpCalls.SendAsync(client, request, default));

        Assert.Equal(("not_found", "gone", 404), (error.Name, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task A_result_is_decoded_and_validated()
    {
        using var valid = Client(HttpStatusCode.OK, """{"title":"t"}""");
        using var invalid = Client(HttpStatusCode.OK, """{"body":"no title"}""");
        using var empty = Client(HttpStatusCode.OK, "null");
        var reader = JsonDecoding.TypeInfo<Note>(JsonDecoding.ReaderOptions(TestJson.Default));

        var note = await HttpCalls.ReadResultAsync(await Send(valid), reader, default);
        var broken = await Assert.ThrowsAsync<ValidationException>(async () => await HttpCalls.ReadResultAsync(await Send(invalid), reader, default));
        var missing = await Assert.ThrowsAsync<ValidationException>(async () => await HttpCalls.ReadBodyAsync(await Send(empty), reader, default));

        Assert.Equal("t", note.Title);
        Assert.Equal(("missing_field", "title"), (broken.Name, broken.Errors[0].Field));
        Assert.Equal("decode_payload", missing.Name);
    }

    [Fact]
    public async Task A_raw_response_body_is_read_as_it_comes_and_releases_the_response_when_disposed()
    {
        using var client = Client(HttpStatusCode.OK, "line 1\nline 2\n");

        await using var body = await HttpCalls.ReadStreamAsync(await Send(client), default);
        using var reader = new StreamReader(body);

        Assert.Equal("line 1\nline 2\n", await reader.ReadToEndAsync());
        Assert.IsType<ResponseBodyStream>(body);
    }

    [Fact]
    public void Path_parameters_are_escaped_into_one_segment_and_the_query_is_built_after_the_path()
    {
        var uri = new HttpUri().Literal("/logs/").Segment("a b/c?d%", "topic").Literal("/stream");
        uri.Query("since", "1&2");
        uri.Query("tag", "é");

        Assert.Equal("/logs/a%20b%2Fc%3Fd%25/stream?since=1%262&tag=%C3%A9", uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_parameter_no_route_can_carry_is_a_validation_error_at_its_attribute(string value)
    {
        var error = Assert.Throws<ValidationException>(() => new HttpUri().Literal("/logs/").Segment(value, "topic"));

        Assert.Equal(("invalid_field_type", "topic"), (error.Errors[0].Name, error.Errors[0].Field));
    }

    [Fact]
    public void Dots_inside_a_path_parameter_are_kept()
    {
        Assert.Equal("/logs/...", new HttpUri().Literal("/logs/").Segment("...", "topic").ToString());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        return HttpCalls.SendAsync(client, request, default);
    }

    private static HttpClient Client(HttpStatusCode status, string body) =>
        new(new Responder(status, body)) { BaseAddress = new Uri("http://test/") };

    private sealed class Responder(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
