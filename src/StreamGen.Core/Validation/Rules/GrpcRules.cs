using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Validation.Rules;

/// <summary>
/// gRPC: every type a gRPC method uses has valid, unique field numbers, a protobuf form and field names that stay apart
/// in protobuf and in the C# protoc generates; services and methods have protobuf names; status names exist.
/// </summary>
internal sealed class GrpcRules(ValidationContext context)
{
    public static IReadOnlyList<string> StatusCodes { get; } =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
        "UNAUTHENTICATED",
    ];

    private const long MaxFieldNumber = 536_870_911;
    private readonly HashSet<DesignObject> _checked = [];
    private readonly HashSet<DesignElement> _named = [];
    private readonly HashSet<DesignElement> _protocNamed = [];

    /// <summary>What grpc_csharp_plugin declares in a service's static class besides the nested Base and Client classes.</summary>
    private static readonly HashSet<string> ProtocServiceMembers = new(StringComparer.Ordinal) { "Descriptor", "BindService" };

    public void Run()
    {
        foreach (var service in (context.Document.Services ?? []).Values)
        {
            CheckStatusNames(service.Grpc);
        }

        foreach (var (service, method) in context.Methods)
        {
            CheckStatusNames(method.Grpc);
            if (!method.IsServedOverGrpc(service))
            {
                continue;
            }

            CheckProtoNames(service, method);

            var payloadIsMetadata = method.StreamingPayload is not null;
            foreach (var (role, reference) in method.TypeReferences())
            {
                var type = context.Index.TypeOf(reference, ValidationContext.Where(method, role));
                if (role == TypeRole.Payload && payloadIsMetadata)
                {
                    CheckMetadata(method, type);
                    continue;
                }

                CheckType(method, type, reference.Type ?? role.Key(), reference.Span);
            }
        }
    }

    /// <summary>The API, service and method names are the package, service and RPC of the gRPC path: they need ASCII spellings.</summary>
    private void CheckProtoNames(DesignService service, DesignMethod method)
    {
        if (context.Document.Api is { ApiName: { } apiName } api && ProtoNaming.Package(apiName) is null && _named.Add(api))
        {
            context.Report(DiagnosticDescriptors.NoProtoName, api.SpanOf("name"), "API", apiName);
        }

        if (ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(service.Name)) is null && _named.Add(service))
        {
            context.Report(DiagnosticDescriptors.NoProtoName, service.NameSpan, "Service", service.Name);
        }

        if (ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(method.Name)) is null)
        {
            context.Report(DiagnosticDescriptors.NoProtoName, method.NameSpan, "Method", method.Name);
        }

        CheckProtocClassMembers(service, method);
    }

    /// <summary>
    /// The service and RPC names are the gRPC path's, so they cannot give way; grpc_csharp_plugin writes a static class
    /// named after the service with a <c>Descriptor</c> property and <c>BindService</c> methods, and nested classes
    /// <c>{Service}Base</c> and <c>{Service}Client</c> with a method per RPC: a name equal to its enclosing class's is CS0542.
    /// </summary>
    private void CheckProtocClassMembers(DesignService service, DesignMethod method)
    {
        if (ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(service.Name)) is not { } serviceName)
        {
            return;
        }

        if (ProtocServiceMembers.Contains(serviceName) && _protocNamed.Add(service))
        {
            context.Report(DiagnosticDescriptors.ProtocClassMemberName, service.NameSpan, "Service", service.Name, serviceName,
                $"the service's class would declare a member '{serviceName}' of its own name; rename the service or serve it over HTTP only");
        }

        if (ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(method.Name)) is { } rpc
            && (rpc == serviceName + "Base" || rpc == serviceName + "Client"))
        {
            context.Report(DiagnosticDescriptors.ProtocClassMemberName, method.NameSpan, "Method", method.Name, rpc,
                $"the service's nested class '{rpc}' would declare a method of its own name; rename the method or serve it over HTTP only");
        }
    }

    private void CheckStatusNames(DesignGrpc? grpc)
    {
        foreach (var (name, code) in grpc?.Errors ?? [])
        {
            if (!StatusCodes.Contains(code))
            {
                context.ReportWithHint(DiagnosticDescriptors.UnknownGrpcStatus, grpc!.EntryValueSpanOf("errors", name), NameSuggester.Hint(code, StatusCodes), code);
            }
        }
    }

    private void CheckMetadata(DesignMethod method, TypeExpression? type)
    {
        foreach (var (name, attribute) in context.Index.ObjectOf(type)?.Attributes ?? [])
        {
            if (attribute.Credential is not null)
            {
                continue;
            }

            var attributeType = context.Index.TypeOf(attribute, name);
            if (attributeType is not null and not PrimitiveTypeExpression { Kind: not (PrimitiveKind.Any or PrimitiveKind.Bytes) })
            {
                context.Report(DiagnosticDescriptors.NonPrimitiveMetadata, attribute.NameSpan, name, method.Name, attributeType);
            }
            else if (ProtoNaming.MetadataKey(name) is null)
            {
                context.Report(DiagnosticDescriptors.NoProtoName, attribute.NameSpan, "Payload attribute", name);
            }
        }
    }

    private void CheckType(DesignMethod method, TypeExpression? type, string name, SourceSpan span)
    {
        switch (type)
        {
            case ArrayTypeExpression { Element: ArrayTypeExpression or MapTypeExpression }:
                context.Report(DiagnosticDescriptors.UnsupportedGrpcType, span, name, type, "protobuf has no repeated field of repeated fields or maps; wrap the inner collection in a type");
                return;
            case MapTypeExpression { Value: ArrayTypeExpression or MapTypeExpression }:
                context.Report(DiagnosticDescriptors.UnsupportedGrpcType, span, name, type, "protobuf map values cannot be repeated fields or maps; wrap the value in a type");
                return;
            case ArrayTypeExpression array:
                CheckType(method, array.Element, name, span);
                return;
            case MapTypeExpression map:
                CheckType(method, map.Value, name, span);
                return;
        }

        if (context.Index.ObjectOf(type) is not { } objectType || !_checked.Add(objectType))
        {
            return;
        }

        var numbers = new Dictionary<long, string>();
        foreach (var (attributeName, attribute) in objectType.Attributes)
        {
            if (attribute.Field is not { } field)
            {
                // A credential travels in the call's metadata, never in a message: Goa's TokenField tag is optional here.
                if (!attribute.Has("field") && attribute.Credential is null)
                {
                    context.Report(DiagnosticDescriptors.MissingFieldNumber, attribute.NameSpan, attributeName, objectType.Description, method.Name);
                }
            }
            else if (field is < 1 or > MaxFieldNumber)
            {
                context.Report(DiagnosticDescriptors.InvalidFieldNumber, attribute.SpanOf("field"), field, attributeName, $"outside 1..{MaxFieldNumber}");
            }
            else if (field is >= 19000 and <= 19999)
            {
                context.Report(DiagnosticDescriptors.InvalidFieldNumber, attribute.SpanOf("field"), field, attributeName, "in 19000..19999, which protobuf reserves");
            }
            else if (numbers.TryGetValue(field, out var first))
            {
                context.Report(DiagnosticDescriptors.DuplicateFieldNumber, attribute.SpanOf("field"), field, first, attributeName, objectType.Description);
            }
            else
            {
                numbers[field] = attributeName;
            }

            CheckType(method, context.Index.TypeOf(attribute, attributeName), attributeName, attribute.SpanOf("type"));
        }

        CheckFieldNames(objectType);
    }

    /// <summary>
    /// Attribute names that differ as written can meet in protobuf (<c>HTTPCode</c> and <c>http_code</c> are both the
    /// field <c>http_code</c>) or in the class protoc's C# plugin generates (<c>has_foo</c> and an optional <c>foo</c>
    /// both need <c>HasFoo</c>). Neither can be renamed without changing a contract, so both are named in the error.
    /// </summary>
    private void CheckFieldNames(DesignObject objectType)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, attribute) in objectType.Attributes)
        {
            if (attribute.Field is not { } number)
            {
                continue;
            }

            var field = ProtoNaming.FieldName(name, number);
            if (!Claim(fields, field, name, attribute, "the protobuf field name"))
            {
                continue;
            }

            var hasPresence = context.Index.TypeOf(attribute, name) is PrimitiveTypeExpression { Kind: not PrimitiveKind.Any } && objectType.IsOptional(name);
            foreach (var member in ProtoNaming.CSharpMembers(field, hasPresence))
            {
                if (!Claim(members, member, name, attribute, "a member of the class protoc generates"))
                {
                    break;
                }
            }
        }

        bool Claim(Dictionary<string, string> taken, string generated, string name, DesignAttribute attribute, string what)
        {
            if (taken.TryGetValue(generated, out var first))
            {
                context.Report(DiagnosticDescriptors.ProtoNameCollision, attribute.NameSpan, first, name, objectType.Description, generated, what);
                return false;
            }

            taken[generated] = name;
            return true;
        }
    }
}
