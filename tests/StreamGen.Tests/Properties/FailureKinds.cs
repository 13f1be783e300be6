namespace StreamGen.Tests.Properties;

/// <summary>
/// The kinds of design the generator can leave out. Each is the name of a regression design in Regressions/ and of a
/// line in Regressions/KnownFailures.txt: while a kind is listed there, the generator does not produce it, so the
/// default run stays green on everything else; once the kind is fixed and its line removed, the generator covers it.
/// </summary>
internal static class FailureKinds
{
    /// <summary>
    /// Kinds the validator now refuses with a located diagnostic naming both elements (docs/diagnostics.md, "Names"):
    /// they are not valid designs, so the generator never produces them. Views or errors that meet after casing are
    /// SG1007; attributes that meet as protobuf field names are SG5007.
    /// </summary>
    public static readonly IReadOnlySet<string> Rejected = new HashSet<string>(StringComparer.Ordinal)
    {
        "names-error-casing-collision", "names-view-casing-collision", "names-proto-field-casing-collision",
    };

    public const string CSharpKeywordNames = "names-csharp-keywords";
    public const string ContextualKeywordNames = "names-contextual-keywords";
    public const string ProtoKeywordNames = "names-proto-keywords";
    public const string GeneratedLocalNames = "names-generated-locals";
    public const string GeneratedMemberNames = "names-generated-members";
    public const string ProtocMemberNames = "names-protoc-members";
    public const string ViewMemberNames = "names-view-members";
    public const string FrameworkTypeNames = "names-framework-types";
    public const string NonAsciiNames = "names-non-ascii";
    public const string ErrorCasingCollision = "names-error-casing-collision";
    public const string ViewCasingCollision = "names-view-casing-collision";
    public const string AttributeNamedLikeType = "names-attribute-like-type";
    public const string ProtoFieldCasingCollision = "names-proto-field-casing-collision";
    public const string ServiceNamedLikeType = "names-service-like-type";
    public const string HttpValueTypeBody = "http-value-type-body";
    public const string HttpValueTypeResult = "http-value-type-result";
    public const string HttpCollectionOfUserTypes = "http-collection-of-user-types";
    public const string GrpcCollection = "grpc-collection";
    public const string GrpcOnlyDesign = "grpc-only-design";
    public const string AnyInScaffold = "any-in-scaffold";
    public const string SseRetryUInt64 = "sse-retry-uint64";
    public const string TwoResponseHeaders = "two-response-headers";
    public const string TrickyEnumValues = "tricky-enum-values";
    public const string GrpcEmptyType = "grpc-empty-type";
    public const string HttpBytesPathParameter = "http-bytes-path-parameter";
    public const string RuntimeTypeNames = "names-runtime-types";
    public const string JsonContextMemberNames = "names-json-context-members";
    public const string LowercaseBuiltInTypeNames = "names-lowercase-builtin-type";
    public const string DesignWithoutMethods = "design-without-methods";
    public const string FieldNamedLikeMessage = "names-field-like-message";
    public const string GoogleTypeName = "names-google-type";
    public const string HttpAnyBody = "http-any-body-attribute";
    public const string HttpRawRequestAndResponse = "http-raw-request-and-response";
}
