using StreamGen.Design;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>
/// Security: schemes whose settings fit their kind, and requirements that name declared schemes and scopes and that one
/// request can carry.
/// </summary>
internal sealed class SecurityRules(ValidationContext context)
{
    private OrderedDictionary<string, DesignSecurityScheme> Schemes => context.Document.Api?.Security ?? [];

    public void Run()
    {
        foreach (var scheme in Schemes.Values)
        {
            CheckScheme(scheme);
        }

        if (context.Document.Api is { } api)
        {
            CheckRequirements(api, api.DefaultSecurity, "the API's defaultSecurity", "defaultSecurity");
        }

        foreach (var service in context.Document.Services.ValuesOrEmpty())
        {
            CheckRequirements(service, service.Security, $"service '{service.Name}'");
        }

        foreach (var (_, method) in context.Methods)
        {
            CheckRequirements(method, method.Security, $"method '{method.Name}'");
        }
    }

    private void CheckScheme(DesignSecurityScheme scheme)
    {
        if (scheme.Kind is not { } kind)
        {
            return;
        }

        if (!DesignSecurityScheme.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            context.ReportWithHint(DiagnosticDescriptors.WrongValueKind, scheme.SpanOf("kind"), NameSuggester.Hint(kind, DesignSecurityScheme.Kinds),
                "kind", string.Join(", ", DesignSecurityScheme.Kinds), $"'{kind}'");
            return;
        }

        if (scheme.In is { } location && !DesignSecurityScheme.Locations.Contains(location, StringComparer.Ordinal))
        {
            context.ReportWithHint(DiagnosticDescriptors.WrongValueKind, scheme.SpanOf("in"), NameSuggester.Hint(location, DesignSecurityScheme.Locations),
                "in", "header or query", $"'{location}'");
        }

        var isBearer = kind is "jwt" or "oauth2";
        NotApplicable(scheme, "in", kind != "apiKey");
        NotApplicable(scheme, "name", kind != "apiKey");
        NotApplicable(scheme, "query", kind == "basic" || (kind == "apiKey" && scheme.In == "query"));
        NotApplicable(scheme, "webSocketProtocol", !isBearer);
        NotApplicable(scheme, "realm", kind != "basic");
        NotApplicable(scheme, "flows", kind != "oauth2");
        if (kind == "oauth2")
        {
            CheckFlows(scheme);
        }
    }

    private void NotApplicable(DesignSecurityScheme scheme, string key, bool notApplicable)
    {
        if (notApplicable && scheme.Has(key))
        {
            context.Report(DiagnosticDescriptors.SchemeSettingNotApplicable, scheme.KeySpanOf(key), key, scheme.Name, scheme.Kind);
        }
    }

    private void CheckFlows(DesignSecurityScheme scheme)
    {
        var flows = scheme.Flows?.All().ToList() ?? [];
        if (flows.Count == 0)
        {
            context.Report(DiagnosticDescriptors.OAuth2FlowIncomplete, scheme.Flows?.Span ?? scheme.NameSpan, scheme.Name,
                "declares no flow: add flows with authorizationCode, implicit, password or clientCredentials");
            return;
        }

        foreach (var (key, flow) in flows)
        {
            var needsAuthorization = key is "authorizationCode" or "implicit";
            var needsToken = key != "implicit";
            if (needsAuthorization && flow.AuthorizationUrl is null)
            {
                context.Report(DiagnosticDescriptors.OAuth2FlowIncomplete, flow.Span, scheme.Name, $"flow {key} needs an authorizationUrl");
            }

            if (needsToken && flow.TokenUrl is null)
            {
                context.Report(DiagnosticDescriptors.OAuth2FlowIncomplete, flow.Span, scheme.Name, $"flow {key} needs a tokenUrl");
            }

            if (!needsToken && flow.Has("tokenUrl"))
            {
                context.Report(DiagnosticDescriptors.SchemeSettingNotApplicable, flow.KeySpanOf("tokenUrl"), "tokenUrl", scheme.Name, "oauth2 (implicit flow)");
            }

            if (!needsAuthorization && flow.Has("authorizationUrl"))
            {
                context.Report(DiagnosticDescriptors.SchemeSettingNotApplicable, flow.KeySpanOf("authorizationUrl"), "authorizationUrl", scheme.Name, $"oauth2 ({key} flow)");
            }
        }
    }

    private void CheckRequirements(DesignElement owner, List<DesignSecurityRequirement>? requirements, string where, string key = "security")
    {
        for (var i = 0; i < (requirements?.Count ?? 0); i++)
        {
            var requirement = requirements![i];
            var names = requirement.Schemes ?? [];
            if (names.Count == 0)
            {
                context.Report(DiagnosticDescriptors.EmptySecurityRequirement, owner.ItemSpanOf(key, i), where);
                continue;
            }

            var declared = new List<DesignSecurityScheme>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < names.Count; j++)
            {
                var name = names[j];
                var span = requirement.Has("schemes") && requirement.Span != requirement.SpanOf("schemes") ? requirement.ItemSpanOf("schemes", j) : requirement.Span;
                if (!seen.Add(name))
                {
                    context.Report(DiagnosticDescriptors.SchemeRequiredTwice, span, where, name);
                }
                else if (Schemes.TryGetValue(name, out var scheme))
                {
                    declared.Add(scheme);
                }
                else
                {
                    context.ReportWithHint(DiagnosticDescriptors.UnknownSecurityScheme, span, NameSuggester.Hint(name, Schemes.Keys), where, name);
                }
            }

            if (declared.Count < seen.Count)
            {
                continue;
            }

            if (declared.Where(s => s.Kind is "jwt" or "oauth2" or "basic").Select(s => s.Name).ToList() is { Count: > 1 } authorization)
            {
                context.Report(DiagnosticDescriptors.SchemesShareAuthorization, owner.ItemSpanOf(key, i), where, string.Join(" and ", authorization));
            }

            var scopes = declared.SelectMany(s => s.Scopes.KeysOrEmpty()).Distinct(StringComparer.Ordinal).ToList();
            for (var j = 0; j < (requirement.Scopes?.Count ?? 0); j++)
            {
                var scope = requirement.Scopes![j];
                if (!scopes.Contains(scope, StringComparer.Ordinal))
                {
                    context.ReportWithHint(DiagnosticDescriptors.UnknownScope, requirement.ItemSpanOf("scopes", j), NameSuggester.Hint(scope, scopes),
                        where, scope, string.Join(", ", declared.Select(s => s.Name)));
                }
            }
        }
    }
}
