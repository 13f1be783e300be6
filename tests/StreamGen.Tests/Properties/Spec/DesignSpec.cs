namespace StreamGen.Tests.Properties.Spec;

/// <summary>A whole generated design, the value the property test generates, shrinks and prints as YAML.</summary>
internal sealed record DesignSpec(
    string ApiName,
    string? Namespace,
    IReadOnlyList<TypeSpec> Types,
    IReadOnlyList<ServiceSpec> Services,
    string? Title = null,
    int? HttpPort = null,
    int? GrpcPort = null,
    IReadOnlyList<SchemeSpec>? Schemes = null,
    bool Intercepted = false)
{
    /// <summary>Attributes, types, methods and services: what the shrinker removes and CsCheck's size orders by.</summary>
    public int Size => Types.Sum(t => 1 + Count(t.Object)) + Services.Sum(s => 1 + s.Methods.Count + s.Methods.Sum(m => Count(m.Payload) + Count(m.StreamingPayload) + Count(m.Result) + Count(m.StreamingResult)));

    private static int Count(RefSpec? reference) => reference?.Type is InlineExpr inline ? Count(inline.Object) : 0;

    private static int Count(ObjectSpec type) => type.Attributes.Sum(a => 1 + (a.Type is InlineExpr inline ? Count(inline.Object) : 0));
}

/// <summary>A security scheme of <c>api.security</c>: its kind (jwt, apiKey, basic, oauth2) and scopes.</summary>
internal sealed record SchemeSpec(string Name, string Kind, IReadOnlyList<string> Scopes);

/// <summary>One alternative of a method's <c>security</c>: the schemes required together and the scopes.</summary>
internal sealed record RequirementSpec(IReadOnlyList<string> Schemes, IReadOnlyList<string> Scopes);
