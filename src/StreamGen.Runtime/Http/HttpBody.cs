namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Http.Features;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Options;

/// <summary>The bodies of the server's unary and raw methods: the JSON request body read, the JSON response written, raw bodies allowed.</summary>
public static class HttpBody
{
    /// <summary>
    /// The request body decoded as <typeparamref name="T"/>, null for a JSON <c>null</c>; a body that does not decode is a
    /// <see cref="ValidationException"/> (<c>decode_payload</c>, or <c>invalid_enum_value</c> at the attribute).
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw JsonDecoding.Error(e);
        }
    }

    /// <summary>Writes <paramref name="value"/> as the JSON response body, with <paramref name="status"/>.</summary>
    public static Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    /// <summary>
    /// Sends the raw body a handler returned beside its result (skipResponseBodyEncodeDecode with a result, whose
    /// attributes the caller has already set as response headers): <paramref name="status"/>, the content type unless a
    /// result attribute set one, then the body's bytes. The body is disposed whatever happens.
    /// </summary>
    public static async Task WriteRawAsync(HttpContext context, int status, string contentType, Stream body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        await using (body.ConfigureAwait(false))
        {
            context.Response.StatusCode = status;
            context.Response.ContentType ??= contentType;
            await body.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets the handler stream a raw request body (skipRequestBodyEncodeDecode) of any size Kestrel would refuse, up to
    /// <see cref="StreamGenWebSocketOptions.MaxRawRequestBodySize"/> (no limit by default: it is read in constant memory).
    /// </summary>
    public static void AllowRawRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = context.RequestServices.GetService<IOptions<StreamGenWebSocketOptions>>()?.Value.MaxRawRequestBodySize;
        }
    }
}
