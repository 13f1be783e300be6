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
    public IEnumerable<MapEntry<DesignOAuth2Flow>> All()
    {
        if (AuthorizationCode is { } code)
        {
            yield return new MapEntry<DesignOAuth2Flow>("authorizationCode", code);
        }

        if (Implicit is { } @implicit)
        {
            yield return new MapEntry<DesignOAuth2Flow>("implicit", @implicit);
        }

        if (Password is { } password)
        {
            yield return new MapEntry<DesignOAuth2Flow>("password", password);
        }

        if (ClientCredentials is { } client)
        {
            yield return new MapEntry<DesignOAuth2Flow>("clientCredentials", client);
        }
    }
}
