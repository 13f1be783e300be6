namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net.Http;
using global::System.Net.Http.Json;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The client end of unary and raw HTTP methods: sending, the server's error as a <see cref="ServiceError"/>, and reading results.</summary>
public static class HttpCalls
{
    /// <summary>Sends <paramref name="request"/>, its headers read; a non-success response is disposed and its error thrown (see <see cref="HttpErrors.ReadAsync"/>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the headers that carry credentials (<c>Authorization</c>, an API key header) to <paramref name="request"/>.</summary>
    public static void AddCredentials(HttpRequestMessage request, CredentialValues credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        foreach (var (name, value) in credentials.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>The response body decoded as <typeparamref name="T"/>; a missing or undecodable body is a <see cref="ValidationException"/>.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationException("the response has no body");
        }
        catch (JsonException e)
        {
            throw JsonDecoding.Error(e);
        }
    }

    /// <summary>The result the response body is, decoded and validated (<see cref="Validation"/>).</summary>
    public static async Task<T> ReadResultAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        Validation.Validated(await ReadBodyAsync(response, typeInfo, cancellationToken).ConfigureAwait(false));

    /// <summary>The raw response body (skipResponseBodyEncodeDecode); disposing it releases the response.</summary>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return new ResponseBodyStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
