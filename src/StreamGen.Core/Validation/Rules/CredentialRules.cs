using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>
/// Credential attributes (Goa's TokenField, AccessTokenField, APIKeyField, UsernameField, PasswordField): Strings of a
/// method's payload, each the credential of a declared scheme the method requires, one attribute per credential, Basic
/// credentials whole, and (when required) carried by every alternative that admits a request. Where they may not also
/// be mapped is HttpRules' (SG6013); that they need no field number is GrpcRules'.
/// </summary>
internal sealed class CredentialRules(ValidationContext context)
{
    private OrderedDictionary<string, DesignSecurityScheme> Schemes => context.Document.Api?.Security ?? [];

    public void Run()
    {
        var payloads = new HashSet<DesignObject>();
        foreach (var (service, method) in context.Methods)
        {
            if (method.Payload is { } payload && context.Index.ObjectOf(context.Index.TypeOf(payload, ValidationContext.Where(method, TypeRole.Payload))) is { } shape)
            {
                payloads.Add(shape);
                CheckPayload(service, method, shape);
            }
        }

        var usedElsewhere = NamedTypesUsedOutsidePayloads();
        foreach (var shape in AllObjects())
        {
            foreach (var (name, attribute) in shape.Attributes)
            {
                if (attribute.Credential is null)
                {
                    continue;
                }

                if (!payloads.Contains(shape))
                {
                    context.Report(DiagnosticDescriptors.CredentialOutsidePayload, attribute.KeySpanOf("credential"), name, shape.Description,
                        "it is not a method's payload");
                }
                else if (shape.TypeName is { } typeName && usedElsewhere.TryGetValue(typeName, out var where))
                {
                    context.Report(DiagnosticDescriptors.CredentialOutsidePayload, attribute.KeySpanOf("credential"), name, shape.Description,
                        $"the type is also {where}");
                }
            }
        }
    }

    private void CheckPayload(DesignService service, DesignMethod method, DesignObject payload)
    {
        var requirements = method.SecurityOf(service, context.Document.Api);
        var carried = new Dictionary<CredentialPart, string>();
        var where = $"credential of the payload of method '{method.Name}'";
        foreach (var (name, attribute) in payload.Attributes)
        {
            if (attribute.Credential is not { Scheme: { } schemeName } credential)
            {
                continue;
            }

            var span = credential.Has("scheme") && credential.Span != credential.SpanOf("scheme") ? credential.SpanOf("scheme") : credential.Span;
            if (!Schemes.TryGetValue(schemeName, out var scheme))
            {
                context.ReportWithHint(DiagnosticDescriptors.UnknownSecurityScheme, span, NameSuggester.Hint(schemeName, Schemes.Keys), $"The {where} '{name}'", schemeName);
                continue;
            }

            if (attribute.Attributes is not null || (attribute.Type is { } type && type != "String"))
            {
                context.Report(DiagnosticDescriptors.CredentialNotString, attribute.SpanOf(attribute.Attributes is null ? "type" : "attributes"), name, schemeName,
                    attribute.Attributes is null ? attribute.Type : "an inline object");
            }

            if (!CheckPart(name, credential, scheme))
            {
                continue;
            }

            var required = requirements.Where(r => r.Schemes?.Contains(schemeName, StringComparer.Ordinal) == true).ToList();
            if (required.Count == 0)
            {
                var requires = requirements.Count == 0 ? "it is open" : "it requires " + string.Join(" or ", requirements.Select(r => string.Join("+", r.Schemes ?? [])));
                context.Report(DiagnosticDescriptors.CredentialSchemeNotRequired, span, name, schemeName, method.Name, requires);
                continue;
            }

            if (carried.TryGetValue(new CredentialPart(schemeName, credential.Part), out var first))
            {
                context.Report(DiagnosticDescriptors.CredentialCarriedTwice, attribute.KeySpanOf("credential"), first, name, method.Name,
                    credential.Part is { } part ? $"the {part} of scheme '{schemeName}'" : $"the credential of scheme '{schemeName}'");
                continue;
            }

            carried[new CredentialPart(schemeName, credential.Part)] = name;
            if (payload.IsRequired(name) && requirements.FirstOrDefault(r => r.Schemes?.Contains(schemeName, StringComparer.Ordinal) != true) is { } other)
            {
                context.Report(DiagnosticDescriptors.RequiredCredentialMayBeAbsent, attribute.NameSpan, name, method.Name,
                    $"the alternative {string.Join("+", other.Schemes ?? [])}", schemeName);
            }
        }

        foreach (var ((schemeName, part), name) in carried)
        {
            if (part is null)
            {
                continue;
            }

            var other = part == "username" ? "password" : "username";
            if (!carried.ContainsKey(new CredentialPart(schemeName, other)))
            {
                context.Report(DiagnosticDescriptors.CredentialPartMissing, payload.Attributes[name].KeySpanOf("credential"),
                    $"Attribute '{name}' carries the {part} of Basic scheme '{schemeName}', but no attribute of the payload of method '{method.Name}' carries its {other}: add one with credential {{ scheme: {schemeName}, part: {other} }}");
            }
        }
    }

    /// <summary>A Basic credential names its part; no other does.</summary>
    private bool CheckPart(string name, DesignCredential credential, DesignSecurityScheme scheme)
    {
        if (credential.Part is { } part && !DesignCredential.Parts.Contains(part, StringComparer.Ordinal))
        {
            context.ReportWithHint(DiagnosticDescriptors.WrongValueKind, credential.SpanOf("part"), NameSuggester.Hint(part, DesignCredential.Parts),
                "part", "username or password", $"'{part}'");
            return false;
        }

        if (scheme.Kind == "basic" && credential.Part is null)
        {
            context.Report(DiagnosticDescriptors.CredentialPartMissing, credential.Span,
                $"Attribute '{name}' carries a credential of Basic scheme '{credential.Scheme}' without saying which part: add part: username or part: password");
            return false;
        }

        if (scheme.Kind != "basic" && credential.Part is not null)
        {
            context.Report(DiagnosticDescriptors.SchemeSettingNotApplicable, credential.KeySpanOf("part"), "part", credential.Scheme, scheme.Kind);
            return false;
        }

        return true;
    }

    /// <summary>Every object of the design: named types, result types, methods' inline types and the inline objects nested in them.</summary>
    private IEnumerable<DesignObject> AllObjects()
    {
        var seen = new HashSet<DesignObject>();
        var pending = new Stack<DesignObject>(context.Index.NamedObjects);
        foreach (var (_, method) in context.Methods)
        {
            foreach (var (role, reference) in method.TypeReferences())
            {
                if (context.Index.ObjectOf(context.Index.TypeOf(reference, ValidationContext.Where(method, role))) is { TypeName: null } inline)
                {
                    pending.Push(inline);
                }
            }
        }

        while (pending.TryPop(out var shape))
        {
            if (!seen.Add(shape))
            {
                continue;
            }

            yield return shape;
            foreach (var (name, attribute) in shape.Attributes)
            {
                if (attribute.Attributes is not null && context.Index.ObjectOf(context.Index.TypeOf(attribute, name)) is { } nested)
                {
                    pending.Push(nested);
                }
            }
        }
    }

    /// <summary>Named types used other than as a method's payload, each with where (the first use found).</summary>
    private Dictionary<string, string> NamedTypesUsedOutsidePayloads()
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, method) in context.Methods)
        {
            foreach (var (role, reference) in method.TypeReferences().Where(r => r.Role != TypeRole.Payload))
            {
                foreach (var name in Names(context.Index.TypeOf(reference, ValidationContext.Where(method, role))))
                {
                    used.TryAdd(name, $"the {role.Key()} of method '{method.Name}'");
                }
            }

            if (method.Payload is { } payload && context.Index.TypeOf(payload, ValidationContext.Where(method, TypeRole.Payload)) is (ArrayTypeExpression or MapTypeExpression) and var collection)
            {
                foreach (var name in Names(collection))
                {
                    used.TryAdd(name, $"an element of the payload of method '{method.Name}'");
                }
            }
        }

        foreach (var shape in AllObjects())
        {
            foreach (var (name, attribute) in shape.Attributes)
            {
                foreach (var typeName in Names(context.Index.TypeOf(attribute, name)))
                {
                    used.TryAdd(typeName, $"the type of attribute '{name}' of {shape.Description}");
                }
            }
        }

        return used;
    }

    private static IEnumerable<string> Names(TypeExpression? type) => type switch
    {
        NamedTypeExpression named => [named.Name],
        ArrayTypeExpression array => Names(array.Element),
        MapTypeExpression map => Names(map.Key).Concat(Names(map.Value)),
        _ => [],
    };
}
