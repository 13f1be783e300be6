using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// The payload attributes of a secured method that carry credentials, with how the server reads them and how a client
/// sends them (validation has checked each names a String credential of a scheme the method requires).
/// </summary>
internal static class PayloadCredentials
{
    public static MethodSecurityModel With(MethodSecurityModel security, DesignApi api, DesignObject? payload, TypeModel? record)
    {
        if (payload is null || record is null)
        {
            return security;
        }

        var credentials = new List<PayloadCredentialModel>();
        foreach (var property in record.Properties)
        {
            if (payload.Attributes[property.JsonName].Credential is not { Scheme: { } schemeName } credential
                || api.Security?.GetValueOrDefault(schemeName) is not { } scheme)
            {
                continue;
            }

            var schemeLiteral = CSharpLiterals.String(schemeName);
            var (part, method, arguments) = scheme.Kind switch
            {
                "apiKey" => ("apiKey", "ApiKey", new[] { schemeLiteral, Literal(KeyHeader(scheme)), Literal(KeyQuery(scheme)) }),
                "basic" => (credential.Part!, credential.Part == "username" ? "Username" : "Password", [schemeLiteral]),
                _ => ("token", "Bearer", [schemeLiteral]),
            };
            credentials.Add(new PayloadCredentialModel
            {
                Property = property,
                SchemeName = schemeName,
                Part = part,
                ReadMethod = method,
                ReadArguments = arguments,
                LocalName = property.LocalName,
            });
        }

        if (credentials.Count == 0)
        {
            return security;
        }

        return security with { Credentials = credentials, CredentialSends = [.. Sends(credentials)] };
    }

    /// <summary>One <c>Runtime::PayloadCredential</c> per credential; a Basic username and password make one.</summary>
    private static IEnumerable<PayloadCredentialSendModel> Sends(List<PayloadCredentialModel> credentials)
    {
        foreach (var credential in credentials.Where(c => c.Part != "password"))
        {
            var (factory, properties) = credential.Part switch
            {
                "username" => ("Basic", new[] { credential.Property.Name, credentials.First(c => c.SchemeName == credential.SchemeName && c.Part == "password").Property.Name }),
                "apiKey" => ("ApiKey", [credential.Property.Name]),
                _ => ("Bearer", [credential.Property.Name]),
            };
            yield return new PayloadCredentialSendModel { Factory = factory, SchemeLiteral = CSharpLiterals.String(credential.SchemeName), PropertyNames = properties };
        }
    }

    /// <summary>The header an API key scheme reads (as its authentication handler does), or null for one in the query.</summary>
    public static string? KeyHeader(DesignSecurityScheme scheme) => scheme.In == "query" ? null : scheme.KeyName ?? "X-API-Key";

    /// <summary>The query parameter an API key scheme reads: its place, or a header scheme's browser fallback.</summary>
    public static string? KeyQuery(DesignSecurityScheme scheme) => scheme.In == "query" ? scheme.KeyName ?? "api_key" : scheme.Query;

    private static string Literal(string? value) => value is null ? "null" : CSharpLiterals.String(value);
}
