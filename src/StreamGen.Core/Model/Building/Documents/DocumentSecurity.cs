using StreamGen.Design;
using StreamGen.Model.Documents;

namespace StreamGen.Model.Building.Documents;

/// <summary>The security of the documented routes: each route's alternatives, and the schemes they use as the documents describe them.</summary>
internal sealed class DocumentSecurity(ModelContext context)
{
    private OrderedDictionary<string, DesignSecurityScheme> Declared => context.Api.Security ?? [];

    /// <summary>The route's alternatives, each scope given to the scheme of the alternative that declares it.</summary>
    public IReadOnlyList<DocumentSecurityRequirementModel> Requirements(DocumentRoute route) =>
        [.. route.Method.SecurityOf(route.Service, context.Api).Select(r =>
        {
            var schemes = r.Schemes ?? [];
            var scopes = r.Scopes ?? [];
            return new DocumentSecurityRequirementModel([.. schemes.Select(s => new DocumentSchemeScopesModel(s, [.. scopes.Where(scope =>
                Declared.GetValueOrDefault(s)?.Scopes?.ContainsKey(scope) == true && schemes.First(o => Declared.GetValueOrDefault(o)?.Scopes?.ContainsKey(scope) == true) == s)]))]);
        })];

    /// <summary>The schemes <paramref name="routes"/> require, in declaration order.</summary>
    public IReadOnlyList<DocumentSecuritySchemeModel> Schemes(IEnumerable<DocumentRoute> routes)
    {
        var used = routes.SelectMany(r => r.Method.SecurityOf(r.Service, context.Api)).SelectMany(r => r.Schemes ?? []).ToHashSet(StringComparer.Ordinal);
        return [.. Declared.Entries().Where(s => used.Contains(s.Key)).Select(s => Scheme(s.Key, s.Value))];
    }

    private static DocumentSecuritySchemeModel Scheme(string name, DesignSecurityScheme scheme)
    {
        var inQuery = scheme.In == "query";
        return new DocumentSecuritySchemeModel
        {
            Name = name,
            Kind = scheme.Kind!,
            Description = Describe(scheme),
            In = scheme.Kind == "apiKey" ? inQuery ? "query" : "header" : null,
            ParameterName = scheme.Kind == "apiKey" ? scheme.KeyName ?? (inQuery ? "api_key" : "X-API-Key") : null,
            Flows = [.. (scheme.Flows?.All() ?? []).Select(f => new DocumentOAuthFlowModel(f.Key, f.Value.AuthorizationUrl, f.Value.TokenUrl, f.Value.RefreshUrl))],
            Scopes = [.. scheme.Scopes.Entries().Select(s => new DocumentScopeModel(s.Key, s.Value))],
        };
    }

    /// <summary>The scheme's description, plus where else browsers may put the credential (the documents have no field for it).</summary>
    private static string? Describe(DesignSecurityScheme scheme)
    {
        var parts = new List<string>();
        if (scheme.Description is { Length: > 0 } description)
        {
            var text = description.Trim();
            parts.Add(text.EndsWith('.') ? text : text + ".");
        }

        if (scheme.Query is { } query)
        {
            parts.Add($"Also accepted from the `{query}` query parameter (for browsers, which cannot set headers on a WebSocket).");
        }

        if (scheme.WebSocketProtocol == true)
        {
            parts.Add("Also accepted on a WebSocket upgrade as the subprotocol `bearer.<token>` beside `bearer`.");
        }

        return parts.Count > 0 ? string.Join(" ", parts) : null;
    }
}
