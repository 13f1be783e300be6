using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>
/// One way to satisfy a service's or method's security (one Goa <c>Security</c> call): every scheme listed must
/// authenticate the request and the principal must hold every scope listed. A <c>security:</c> list holds alternatives;
/// the first one satisfied admits the request. <c>- jwt</c> is <c>- { schemes: [jwt] }</c>.
/// </summary>
[ScalarShorthand("schemes")]
public sealed class DesignSecurityRequirement : DesignElement
{
    [JsonPropertyName("schemes")]
    [Description("Names of api.security schemes, all required together (Goa Security(A, B)).")]
    public List<string>? Schemes { get; set; }

    [JsonPropertyName("scopes")]
    [Description("Scopes the principal must hold; each must be declared by one of the schemes.")]
    public List<string>? Scopes { get; set; }
}
