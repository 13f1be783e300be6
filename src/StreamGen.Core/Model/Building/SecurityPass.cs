using StreamGen.Design;

namespace StreamGen.Model.Building;

/// <summary>
/// Security: the schemes as the generated code names them, one authorization policy per distinct security of the design
/// (in first-use order), and each secured method's policy and client schemes.
/// </summary>
internal sealed class SecurityPass(ModelContext context, SecurityNames? names)
{
    public (SecurityModel? Api, IReadOnlyDictionary<DesignMethod, MethodSecurityModel> Methods) Run()
    {
        if (names is null || context.Api.Security is not { Count: > 0 } declared)
        {
            return (null, new Dictionary<DesignMethod, MethodSecurityModel>());
        }

        var schemes = declared.Entries().Select(s => Scheme(s.Key, s.Value)).ToList();
        var policies = new Dictionary<string, SecurityPolicyModel>(StringComparer.Ordinal);
        var methods = new Dictionary<DesignMethod, MethodSecurityModel>();
        foreach (var service in context.Services)
        {
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                var requirements = method.SecurityOf(service, context.Api);
                if (requirements.Count == 0)
                {
                    continue;
                }

                var name = PolicyName(requirements);
                if (!policies.TryGetValue(name, out var policy))
                {
                    policy = new SecurityPolicyModel
                    {
                        Name = name,
                        NameLiteral = CSharpLiterals.String(name),
                        Alternatives = requirements.Select(r => new SecurityAlternativeModel(List(r.Schemes), List(r.Scopes))).ToList(),
                    };
                    policies.Add(name, policy);
                }

                var used = requirements.SelectMany(r => r.Schemes ?? []).Distinct(StringComparer.Ordinal);
                methods[method] = new MethodSecurityModel
                {
                    Policy = policy,
                    ClientSchemes = [.. used.Select(s => $"{names.ClassName}.{names.Members[s]}")],
                };
            }
        }

        var bearers = declared.Values.Where(s => s.Kind is "jwt" or "oauth2").ToList();
        return (new SecurityModel
        {
            ClassName = names.ClassName,
            AddAuthorizationName = names.AddAuthorizationName,
            AddAuthenticationName = names.AddAuthenticationName,
            Schemes = schemes,
            Policies = [.. policies.Values],
            BearerQueryNamesLiteral = List(bearers.Select(s => s.Query).OfType<string>().Distinct(StringComparer.Ordinal).ToList()),
            BearerWebSocketProtocol = bearers.Any(s => s.WebSocketProtocol == true),
        }, methods);
    }

    /// <summary><c>jwt+api_key(api:read,api:write)|basic</c>: alternatives by <c>|</c>, schemes by <c>+</c>, scopes in parentheses.</summary>
    public static string PolicyName(IEnumerable<DesignSecurityRequirement> requirements) =>
        string.Join("|", requirements.Select(r =>
            string.Join("+", r.Schemes ?? []) + (r.Scopes is { Count: > 0 } scopes ? $"({string.Join(",", scopes)})" : "")));

    private SecuritySchemeModel Scheme(string name, DesignSecurityScheme scheme)
    {
        var isApiKey = scheme.Kind == "apiKey";
        var inQuery = isApiKey && scheme.In == "query";
        var header = isApiKey ? PayloadCredentials.KeyHeader(scheme) : null;
        var query = PayloadCredentials.KeyQuery(scheme);
        return new SecuritySchemeModel
        {
            DesignName = name,
            NameLiteral = CSharpLiterals.String(name),
            Description = Docs.Lines(scheme.Description),
            MemberName = names!.Members[name],
            KindLiteral = "Runtime::SecuritySchemeKind." + scheme.Kind switch
            {
                "jwt" => "Jwt",
                "apiKey" => "ApiKey",
                "basic" => "Basic",
                _ => "OAuth2",
            },
            HeaderNameLiteral = Literal(header),
            QueryNameLiteral = Literal(isApiKey ? query : null),
            ClientHeaderLiteral = Literal(header),
            ClientQueryLiteral = Literal(inQuery ? query : null),
            RealmLiteral = CSharpLiterals.String(scheme.Realm ?? context.Api.ApiName!),
            HandlerName = names.Handlers.GetValueOrDefault(name),
            IsApiKey = isApiKey,
            IsBasic = scheme.Kind == "basic",
            IsBearer = scheme.Kind is "jwt" or "oauth2",
            Scopes = scheme.Scopes.Entries().Select(s => new ScopeModel(s.Key, Docs.EscapeXml(s.Value))).ToList(),
        };
    }

    private static string Literal(string? value) => value is null ? "null" : CSharpLiterals.String(value);

    private static string List(IReadOnlyList<string>? values) => "[" + string.Join(", ", (values ?? []).Select(CSharpLiterals.String)) + "]";
}
