namespace StreamGen.Runtime;

using global::Microsoft.AspNetCore.Authentication;

/// <summary>Where an apiKey scheme reads its key: a header (<see cref="HeaderName"/>), a query parameter (<see cref="QueryName"/>), or both (header first).</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public string? HeaderName { get; set; }

    public string? QueryName { get; set; }
}
