using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>
/// Marks a payload attribute as the credential of a security scheme (Goa's <c>TokenField</c>, <c>AccessTokenField</c>,
/// <c>APIKeyField</c>, <c>UsernameField</c>, <c>PasswordField</c>): the server fills it from the credential that
/// authenticated the request, a client sends it as that scheme's credential, and it travels nowhere else.
/// <c>credential: api_key</c> is <c>credential: { scheme: api_key }</c>.
/// </summary>
[ScalarShorthand("scheme")]
public sealed class DesignCredential : DesignElement
{
    /// <summary>The values <see cref="Part"/> accepts.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["username", "password"];

    [Required]
    [JsonPropertyName("scheme")]
    [Description("The api.security scheme whose credential the attribute carries: a jwt or oauth2 token (without 'Bearer '), an API key, or with 'part' a Basic username or password.")]
    public string? Scheme { get; set; }

    [JsonPropertyName("part")]
    [Description("basic: which half of the credentials the attribute carries, username or password (Goa UsernameField/PasswordField).")]
    [AllowedValues("username", "password")]
    public string? Part { get; set; }
}
