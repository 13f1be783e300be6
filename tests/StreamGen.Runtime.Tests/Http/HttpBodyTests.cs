using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Http;

/// <summary>The server's unary bodies: the JSON request body and its decode errors, the JSON response, raw request bodies of any size.</summary>
public sealed class HttpBodyTests
{
    [Fact]
    public async Task The_request_body_is_decoded_and_json_null_reads_as_null()
    {
        var note = await HttpBody.ReadAsync(Request("""{"title":"t","mood":"calm"}"""), TestJson.Default.Note);
        var nothing = await HttpBody.ReadAsync(Request("null"), TestJson.Default.Note);

        Assert.Equal(("t", Mood.Calm), (note?.Title, note?.Mood));
        Assert.Null(nothing);
    }

    [Theory]
    [InlineData("""{"title":"t","mood":"nope"}""", "invalid_enum_value", "mood")]
    [InlineData("""{"title":""", "decode_payload", "body")]
    [InlineData("", "decode_payload", "body")]
    public async Task A_body_that_does_not_decode_is_a_validation_error(string body, string name, string field)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => HttpBody.ReadAsync(Request(body), TestJson.Default.Note));

        Assert.Equal((name, field), (error.Name, error.Errors[0].Field));
    }

    [Fact]
    public async Task The_response_is_written_as_json_with_its_status()
    {
        var context = Request("");
        var response = new MemoryStream();
        context.Response.Body = response;

        await HttpBody.WriteAsync(context, 201, new Note { Title = "t" }, TestJson.Default.Note);

        Assert.Equal((201, "application/json"), (context.Response.StatusCode, context.Response.ContentType));
        Assert.Equal("""{"title":"t","body":null,"mood":null}""", Encoding.UTF8.GetString(response.ToArray()));
    }

    [Fact]
    public void A_raw_request_body_takes_the_configured_limit_instead_of_kestrels()
    {
        var context = Request("", services => services.Configure<StreamGenWebSocketOptions>(o => o.MaxRawRequestBodySize = 1234));
        var limit = new BodySizeLimit();
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(limit);

        HttpBody.AllowRawRequest(context);

        Assert.Equal(1234, limit.MaxRequestBodySize);
    }

    [Fact]
    public async Task Nothing_is_written_for_a_request_the_client_aborted()
    {
        var context = Request("");
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        context.RequestAborted = aborted.Token;

        await HttpErrors.WriteAsync(context, new OperationCanceledException(aborted.Token), _ => 0);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("goa-error"));
    }

    private static DefaultHttpContext Request(string body, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    private sealed class BodySizeLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }
}
