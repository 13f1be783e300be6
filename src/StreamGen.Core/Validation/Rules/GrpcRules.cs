using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>gRPC: every type a gRPC method uses has valid, unique field numbers and a protobuf form; status names exist.</summary>
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
            var attributeType = context.Index.TypeOf(attribute, name);
            if (attributeType is not null and not PrimitiveTypeExpression { Kind: not (PrimitiveKind.Any or PrimitiveKind.Bytes) })
            {
                context.Report(DiagnosticDescriptors.NonPrimitiveMetadata, attribute.NameSpan, name, method.Name, attributeType);
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
                if (!attribute.Has("field"))
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
    }
}
