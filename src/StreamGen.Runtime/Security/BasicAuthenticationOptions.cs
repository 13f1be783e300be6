namespace StreamGen.Runtime;

using global::Microsoft.AspNetCore.Authentication;

/// <summary>The realm a basic scheme names in its challenge.</summary>
public sealed class BasicAuthenticationOptions : AuthenticationSchemeOptions
{
    public string Realm { get; set; } = "api";
}
