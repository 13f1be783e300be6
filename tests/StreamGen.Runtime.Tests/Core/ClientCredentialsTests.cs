using StreamGen.Runtime;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>What a client sends for a method's schemes, and how Authorization values are read back.</summary>
public sealed class ClientCredentialsTests
{
    private static readonly CredentialScheme Jwt = new("jwt", SecuritySchemeKind.Jwt);
    private static readonly CredentialScheme Header = new("api_key", SecuritySchemeKind.ApiKey, HeaderName: "X-API-Key");
    private static readonly CredentialScheme Query = new("key_query", SecuritySchemeKind.ApiKey, QueryName: "key");
    private static readonly CredentialScheme Basic = new("basic", SecuritySchemeKind.Basic);

    [Fact]
    public async Task Each_scheme_gets_its_credential_where_it_travels()
    {
        var credentials = new ClientCredentials
        {
            AccessToken = _ => ValueTask.FromResult<string?>("t0ken"),
            ApiKeys = new Dictionary<string, string> { ["key_query"] = "q" },
            ApiKey = "h",
        };

        var values = await credentials.ResolveAsync([Jwt, Header, Query], CancellationToken.None);

        Assert.Equal([new("X-API-Key", "h"), new("Authorization", "Bearer t0ken")], values.Headers);
        Assert.Equal([new KeyValuePair<string, string>("key", "q")], values.Query);
    }

    [Fact]
    public async Task Authorization_is_sent_once_and_only_for_the_methods_schemes()
    {
        var asked = 0;
        var credentials = new ClientCredentials { AccessToken = _ => ValueTask.FromResult<string?>($"t{++asked}"), Username = "ada", Password = "pä:ss" };

        var basicFirst = await credentials.ResolveAsync([Basic, Jwt], CancellationToken.None);
        var none = await credentials.ResolveAsync([Header], CancellationToken.None);

        Assert.Equal("Basic " + Convert.ToBase64String("ada:pä:ss"u8.ToArray()), Assert.Single(basicFirst.Headers).Value);
        Assert.Empty(none.Headers);
        Assert.Equal(0, asked);
        Assert.Same(CredentialValues.None, await ClientCredentials.ForCallAsync(null, [Jwt], CancellationToken.None));
    }

    [Theory]
    [InlineData("Basic YWRhOnDDpDpzcw==", "ada", "pä:ss")]
    [InlineData("basic YWRhOg==", "ada", "")]
    public void Basic_values_decode_as_utf8_user_and_password(string authorization, string username, string password) =>
        Assert.Equal((username, password), Credentials.Basic(authorization));

    [Theory]
    [InlineData("Basic !!!")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic //79")]
    [InlineData("Bearer abc")]
    [InlineData(null)]
    public void Malformed_basic_values_are_none(string? authorization) => Assert.Null(Credentials.Basic(authorization));

    [Fact]
    public void Bearer_values_give_their_token() =>
        Assert.Equal(("abc", null), (Credentials.Bearer("Bearer abc"), Credentials.Bearer("Basic abc")));
}
