using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Model;

/// <summary>The security the model resolves: schemes, one policy per distinct security, and each method's policy and client schemes.</summary>
public sealed class SecurityModelTests
{
    private static readonly ApiModel Secured = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "secured.yaml")));
    private static readonly ApiModel Logger = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")));

    [Fact]
    public void Policies_are_named_from_schemes_and_scopes_once_each()
    {
        Assert.Equal(
            ["jwt(api:read)", "key_query", "basic(api:read)", "oauth2(api:write)", "api_key", "jwt+api_key(api:read,api:write)", "jwt+api_key(api:write)|oauth2(api:read)"],
            Secured.Security!.Policies.Select(p => p.Name));
    }

    [Fact]
    public void A_method_takes_its_services_security_unless_it_has_its_own_and_an_empty_list_leaves_it_open()
    {
        var methods = Secured.Services.Single().Methods.ToDictionary(m => m.DesignName);

        Assert.Equal("jwt(api:read)", methods["read"].Security!.Policy.Name);
        Assert.Equal("jwt(api:read)", methods["ticks"].Security!.Policy.Name);
        Assert.Equal("key_query", methods["feed"].Security!.Policy.Name);
        Assert.Null(methods["open"].Security);
        Assert.Equal(["SecuredSecurity.Jwt", "SecuredSecurity.ApiKey", "SecuredSecurity.Oauth2"], methods["either"].Security!.ClientSchemes);
    }

    [Fact]
    public void Schemes_say_where_a_client_sends_the_credential_and_which_need_a_handler_stub()
    {
        var schemes = Secured.Security!.Schemes.ToDictionary(s => s.DesignName);

        Assert.Equal(("\"X-API-Key\"", "null", "ApiKeyAuthenticationHandler"), (schemes["api_key"].ClientHeaderLiteral, schemes["api_key"].ClientQueryLiteral, schemes["api_key"].HandlerName));
        Assert.Equal(("null", "\"key\""), (schemes["key_query"].ClientHeaderLiteral, schemes["key_query"].ClientQueryLiteral));
        Assert.Equal(["api_key", "key_query", "basic"], Secured.Security.HandlerSchemes.Select(s => s.DesignName));
        Assert.Null(schemes["jwt"].HandlerName);
        Assert.Equal("[\"access_token\"]", Secured.Security.BearerQueryNamesLiteral);
        Assert.True(Secured.Security.BearerWebSocketProtocol);
    }

    [Fact]
    public void The_logger_secures_publish_and_upload_with_its_api_key_only()
    {
        var secured = Logger.Services.Single().Methods.Where(m => m.IsSecured).Select(m => m.DesignName);

        Assert.Equal(["publish", "upload"], secured);
        Assert.Equal(("\"X-API-Key\"", "\"api_key\""), (Logger.Security!.Schemes.Single().HeaderNameLiteral, Logger.Security.Schemes.Single().QueryNameLiteral));
    }

    [Fact]
    public void A_design_without_schemes_has_no_security_model()
    {
        Assert.Null(Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "chat.yaml"))).Security);
    }

    [Fact]
    public void The_apis_default_security_applies_where_a_service_or_method_says_nothing_and_an_empty_list_opens()
    {
        var model = Designs.Model("""
            api:
              name: defaults
              security: { jwt: { kind: jwt, scopes: { "api:read": Read } }, api_key: { kind: apiKey } }
              defaultSecurity: [{ schemes: [jwt], scopes: ["api:read"] }]
            services:
              guarded:
                methods:
                  plain: { http: { GET: /plain } }
                  keyed: { security: [api_key], http: { GET: /keyed } }
                  open: { security: [], http: { GET: /open } }
              status:
                security: []
                methods:
                  health: { http: { GET: /health } }
            """);
        var methods = model.Services.SelectMany(s => s.Methods).ToDictionary(m => m.DesignName);

        Assert.Equal("jwt(api:read)", methods["plain"].Security!.Policy.Name);
        Assert.Equal("api_key", methods["keyed"].Security!.Policy.Name);
        Assert.Null(methods["open"].Security);
        Assert.Null(methods["health"].Security);

        var plain = model.Documents!.OpenApi.Paths.Single(p => p.Path == "/plain").Operations.Single();
        Assert.Equal(["jwt"], plain.Security.Single().Schemes.Select(s => s.Scheme));
        Assert.Equal(["api:read"], plain.Security.Single().Schemes.Single().Scopes);
        Assert.Contains(plain.Responses, r => r.Status == "401");
        Assert.Contains(plain.Responses, r => r.Status == "403");
        Assert.Empty(model.Documents.OpenApi.Paths.Single(p => p.Path == "/health").Operations.Single().Security);
        Assert.Equal(["jwt", "api_key"], model.Documents.OpenApi.SecuritySchemes.Select(s => s.Name));
    }

    [Fact]
    public void The_documents_list_the_schemes_and_each_operations_alternatives()
    {
        var openApi = Secured.Documents!.OpenApi;
        Assert.Equal(["jwt", "api_key", "key_query", "basic", "oauth2"], openApi.SecuritySchemes.Select(s => s.Name));
        Assert.Equal(("header", "X-API-Key"), (openApi.SecuritySchemes[1].In, openApi.SecuritySchemes[1].ParameterName));
        Assert.Equal(("query", "key"), (openApi.SecuritySchemes[2].In, openApi.SecuritySchemes[2].ParameterName));

        var either = openApi.Paths.SelectMany(p => p.Operations).Single(o => o.OperationId == "secured.either");
        Assert.Equal(
            ["jwt:api:write", "api_key:", "oauth2:api:read"],
            either.Security.SelectMany(r => r.Schemes).Select(s => $"{s.Scheme}:{string.Join(",", s.Scopes)}"));
        var asyncApi = Secured.AsyncApi();
        Assert.NotEmpty(asyncApi.SecuritySchemes);
        Assert.All(asyncApi.Operations, o => Assert.NotEmpty(o.Security));
    }

    [Fact]
    public void The_typescript_client_knows_each_methods_schemes()
    {
        var feed = Secured.TypeScript!.Clients.Single().Methods.Single(m => m.Name == "feed");
        Assert.Equal("[{ name: \"key_query\", kind: \"apiKey\", query: \"key\" }]", feed.SecurityLiteral);
        var open = Secured.TypeScript.Clients.Single().Methods.Single(m => m.Name == "open");
        Assert.False(open.HasSecurity);
    }
}

internal static class SecuredDocuments
{
    public static StreamGen.Model.Documents.AsyncApiModel AsyncApi(this ApiModel model) => model.Documents!.AsyncApi!;
}
