namespace StreamGen.Tests.Properties.Spec;

/// <summary>A method: payload, streamed payload, result or streamed result, errors, and its HTTP and gRPC mappings.</summary>
internal sealed record MethodSpec(
    string Name,
    RefSpec? Payload,
    RefSpec? StreamingPayload,
    RefSpec? Result,
    RefSpec? StreamingResult,
    IReadOnlyList<ErrorSpec> Errors,
    HttpSpec? Http,
    GrpcSpec? Grpc,
    string? Description = null,
    IReadOnlyList<RequirementSpec>? Security = null);

/// <summary>A payload or result: a type expression or inline object, optionally in a fixed view.</summary>
internal sealed record RefSpec(TypeExpr Type, string? View = null, string? Description = null);

/// <summary>A method's <c>grpc</c>: <c>{}</c>, an opt-out, or error codes.</summary>
internal sealed record GrpcSpec(bool? Enabled = null, IReadOnlyList<KeyValuePair<string, string>>? Errors = null);
