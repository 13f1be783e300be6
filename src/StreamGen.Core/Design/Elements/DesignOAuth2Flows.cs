using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>The OAuth2 flows of a scheme, as in Goa and OpenAPI.</summary>
public sealed class DesignOAuth2Flows : DesignElement
{
    [JsonPropertyName("authorizationCode")]
    public DesignOAuth2Flow? AuthorizationCode { get; set; }

    [JsonPropertyName("implicit")]
    public DesignOAuth2Flow? Implicit { get; set; }

    [JsonPropertyName("password")]
    public DesignOAuth2Flow? Password { get; set; }

    [JsonPropertyName("clientCredentials")]
    public DesignOAuth2Flow? ClientCredentials { get; set; }

    /// <summary>The flows written, with their keys.</summary>
    public IEnumerable<(string Key, DesignOAuth2Flow Flow)> All()
    {
        if (AuthorizationCode is { } code)
        {
            yield return ("authorizationCode", code);
        }

        if (Implicit is { } @implicit)
        {
            yield return ("implicit", @implicit);
        }

        if (Password is { } password)
        {
            yield return ("password", password);
        }

        if (ClientCredentials is { } client)
        {
            yield return ("clientCredentials", client);
        }
    }
}
