namespace StreamGen.Diagnostics;

/// <summary>
/// The one table of diagnostics. Ids are stable and never reused; docs/diagnostics.md lists them
/// (a test keeps both in sync). SG1xxx document shape, SG2xxx types, SG3xxx methods and views,
/// SG4xxx HTTP, SG5xxx gRPC, SG9xxx templates and internal errors.
/// </summary>
public static class DiagnosticDescriptors
{
    // SG1xxx: document shape and names
    public static DiagnosticDescriptor SyntaxError { get; } =
        Error("SG1000", "Syntax error", "{0}");

    public static DiagnosticDescriptor UnknownKey { get; } =
        Error("SG1001", "Unknown key", "Unknown key '{0}' in {1}");

    public static DiagnosticDescriptor WrongValueKind { get; } =
        Error("SG1002", "Wrong kind of value", "'{0}' must be {1}, found {2}");

    public static DiagnosticDescriptor MissingRequiredKey { get; } =
        Error("SG1003", "Missing required key", "{0} is missing the required key '{1}'");

    public static DiagnosticDescriptor DuplicateKey { get; } =
        Error("SG1004", "Duplicate key or name", "Duplicate key '{0}' in {1} (first at line {2})");

    public static DiagnosticDescriptor InvalidName { get; } =
        Error("SG1005", "Invalid name", "'{0}' is not a valid {1} name: {2}");

    public static DiagnosticDescriptor EmptyDocument { get; } =
        Error("SG1006", "Empty design", "The design file is empty");

    public static DiagnosticDescriptor NameCollision { get; } =
        Error("SG1007", "Names collide in C#", "{0} '{1}' and '{2}' both become the C# name '{3}'");

    public static DiagnosticDescriptor GeneratedNameCollision { get; } =
        Error("SG1008", "Generated names collide", "{0} and {1} both need the C# name '{2}'");

    // SG2xxx: types, attributes and validations
    public static DiagnosticDescriptor MalformedTypeExpression { get; } =
        Error("SG2001", "Malformed type expression", "Malformed type expression '{0}': {1}");

    public static DiagnosticDescriptor UnknownType { get; } =
        Error("SG2002", "Unknown type", "Unknown type '{0}'");

    public static DiagnosticDescriptor RecursiveType { get; } =
        Error("SG2003", "Recursive type without indirection", "Type '{0}' requires itself through {1}: no finite value exists");

    public static DiagnosticDescriptor UnknownRequiredAttribute { get; } =
        Error("SG2004", "Required names no attribute", "'{0}' is listed as required but is not an attribute of {1}");

    public static DiagnosticDescriptor ValidationNotApplicable { get; } =
        Error("SG2005", "Validation does not apply", "'{0}' does not apply to attribute '{1}' of type {2}");

    public static DiagnosticDescriptor InvalidLiteral { get; } =
        Error("SG2006", "Value does not fit the type", "{0} of attribute '{1}' is not a valid {2}: {3}");

    public static DiagnosticDescriptor UnknownFormat { get; } =
        Error("SG2007", "Unknown format", "Unknown format '{0}'");

    public static DiagnosticDescriptor InvalidPattern { get; } =
        Error("SG2008", "Invalid pattern", "Pattern of attribute '{0}' is not a valid regular expression: {1}");

    public static DiagnosticDescriptor InvalidRange { get; } =
        Error("SG2009", "Empty range", "'{0}' ({1}) is greater than '{2}' ({3}) on attribute '{4}'");

    public static DiagnosticDescriptor InvalidMapKey { get; } =
        Error("SG2010", "Invalid map key type", "MapOf key type must be String, an integer type or Boolean, found {0}");

    public static DiagnosticDescriptor DefaultNotInEnum { get; } =
        Error("SG2011", "Default outside the enum", "Default value {0} of attribute '{1}' is not one of its enum values");

    public static DiagnosticDescriptor TypeDefinedTwice { get; } =
        Error("SG2012", "Type defined twice", "'{0}' is defined both under types and under resultTypes");

    public static DiagnosticDescriptor AttributeTypeMissing { get; } =
        Error("SG2013", "Type missing or given twice", "{0} needs exactly one of 'type' or 'attributes', found {1}");

    public static DiagnosticDescriptor BuiltInTypeName { get; } =
        Error("SG2014", "Type name is built in", "'{0}' is a built-in type name and cannot name a user type");

    // SG3xxx: methods, streams and views
    public static DiagnosticDescriptor ResultAndStreamingResult { get; } =
        Error("SG3001", "Both result and streamingResult", "Method '{0}' has both 'result' and 'streamingResult'; a method has at most one");

    public static DiagnosticDescriptor ViewUnknownAttribute { get; } =
        Error("SG3002", "View names no attribute", "View '{0}' of '{1}' names '{2}', which is not an attribute of the type");

    public static DiagnosticDescriptor UnknownView { get; } =
        Error("SG3003", "Unknown view", "'{0}' has no view '{1}'");

    public static DiagnosticDescriptor ViewOnNonResultType { get; } =
        Error("SG3004", "View on a type without views", "'view: {0}' needs a result type, but '{1}' is not one");

    public static DiagnosticDescriptor UnknownError { get; } =
        Error("SG3005", "Unknown error name", "Error '{0}' is not defined on method '{1}' or its service");

    public static DiagnosticDescriptor EmptyView { get; } =
        Error("SG3006", "Empty view", "View '{0}' of '{1}' lists no attributes");

    public static DiagnosticDescriptor MissingDefaultView { get; } =
        Error("SG3007", "No default view", "Result type '{0}' declares views but none named 'default'");

    // SG4xxx: HTTP
    public static DiagnosticDescriptor UnknownPathParameter { get; } =
        Error("SG4001", "Path parameter names no attribute", "Path parameter '{{{0}}}' of method '{1}' names no payload attribute");

    public static DiagnosticDescriptor StreamingRequiresGet { get; } =
        Error("SG4002", "Streaming over HTTP needs GET", "Method '{0}' streams over a WebSocket, which opens with GET, but its route uses {1}");

    public static DiagnosticDescriptor SseRequiresServerStreaming { get; } =
        Error("SG4003", "serverSentEvents needs a server stream", "'serverSentEvents' on method '{0}' needs a streamingResult and no streamingPayload");

    public static DiagnosticDescriptor RawBodyWithStreaming { get; } =
        Error("SG4004", "Raw body with a stream", "'{0}' on method '{1}' cannot be combined with a {2}");

    public static DiagnosticDescriptor RouteVerbCount { get; } =
        Error("SG4005", "Route needs one verb", "The http of method '{0}' needs exactly one of GET, POST, PUT, PATCH, DELETE, found {1}");

    public static DiagnosticDescriptor UnknownPayloadAttribute { get; } =
        Error("SG4006", "Names no payload attribute", "'{0}' in {1} of method '{2}' names no payload attribute");

    public static DiagnosticDescriptor UnknownResultAttribute { get; } =
        Error("SG4007", "Names no result attribute", "'{0}' in {1} of method '{2}' names no result attribute");

    public static DiagnosticDescriptor InvalidStatusCode { get; } =
        Error("SG4008", "Invalid HTTP status", "{0} is not an HTTP status code (100..599)");

    public static DiagnosticDescriptor DuplicateRoute { get; } =
        Error("SG4009", "Route used twice", "Route {0} {1} of method '{2}' is also the route of '{3}'");

    public static DiagnosticDescriptor InvalidPath { get; } =
        Error("SG4010", "Invalid path", "Path '{0}' is not valid: {1}");

    public static DiagnosticDescriptor UnmappedPayloadAttribute { get; } =
        Error("SG4011", "Payload attribute has no place", "Payload attribute '{0}' of method '{1}' has no place in a request without a body");

    public static DiagnosticDescriptor NonPrimitiveParameter { get; } =
        Error("SG4012", "Parameter is not primitive", "Attribute '{0}' of type {1} cannot travel in the {2} of method '{3}'");

    public static DiagnosticDescriptor AttributeMappedTwice { get; } =
        Error("SG4013", "Attribute mapped twice", "Attribute '{0}' of method '{1}' is mapped to both {2} and {3}");

    public static DiagnosticDescriptor InvalidSseAttribute { get; } =
        Error("SG4014", "SSE attribute has the wrong type", "SSE '{0}' of method '{1}' names '{2}' of type {3}, but needs {4}");

    public static DiagnosticDescriptor RawBodyNotAllowed { get; } =
        Error("SG4015", "Raw body does not fit", "'{0}' on method '{1}' does not fit: {2}");

    public static DiagnosticDescriptor PayloadNotObject { get; } =
        Error("SG4016", "Payload is not an object", "Method '{0}' maps {1}, but its payload is {2}, not an object type");

    public static DiagnosticDescriptor RouteServesDocument { get; } =
        Error("SG4017", "Route is a document's", "Route GET {0} of method '{1}' is where the host serves the API's {2} document");

    public static DiagnosticDescriptor JsonLinesNeedsServerStream { get; } =
        Error("SG4018", "jsonLines needs a one-way stream", "'jsonLines' on method '{0}' needs a server stream (a streamingResult and no streamingPayload) or a client stream (a streamingPayload and no streamingResult): {1}");

    public static DiagnosticDescriptor JsonLinesConflict { get; } =
        Error("SG4019", "jsonLines conflicts", "'jsonLines' and '{0}' on method '{1}' do not go together: {2}");

    public static DiagnosticDescriptor JsonLinesVerb { get; } =
        Error("SG4020", "jsonLines stream has the wrong verb", "Method '{0}' {1} over JSON Lines, which {2}, but its route uses {3}");

    // SG5xxx: gRPC
    public static DiagnosticDescriptor MissingFieldNumber { get; } =
        Error("SG5001", "Missing field number", "Attribute '{0}' of {1} needs a 'field' number: it is used by gRPC method '{2}'");

    public static DiagnosticDescriptor DuplicateFieldNumber { get; } =
        Error("SG5002", "Field number used twice", "Field number {0} is used by both '{1}' and '{2}' in {3}");

    public static DiagnosticDescriptor InvalidFieldNumber { get; } =
        Error("SG5003", "Invalid field number", "Field number {0} of attribute '{1}' is {2}");

    public static DiagnosticDescriptor UnknownGrpcStatus { get; } =
        Error("SG5004", "Unknown gRPC status", "Unknown gRPC status code '{0}'");

    public static DiagnosticDescriptor UnsupportedGrpcType { get; } =
        Error("SG5005", "Type has no protobuf form", "Attribute '{0}' of type {1} has no protobuf form: {2}");

    public static DiagnosticDescriptor NonPrimitiveMetadata { get; } =
        Error("SG5006", "Metadata attribute is not primitive", "Payload attribute '{0}' of gRPC method '{1}' travels as request metadata and must be a primitive, found {2}");

    public static DiagnosticDescriptor ProtoNameCollision { get; } =
        Error("SG5007", "Names collide in protobuf", "Attributes '{0}' and '{1}' of {2} both become '{3}', {4}");

    public static DiagnosticDescriptor NoProtoName { get; } =
        Error("SG5008", "No protobuf name", "{0} '{1}' is served over gRPC but has no protobuf name: protobuf names are ASCII, and '{1}' has no ASCII spelling");

    public static DiagnosticDescriptor ProtocClassMemberName { get; } =
        Error("SG5009", "Name taken by protoc's C#", "{0} '{1}' is served over gRPC as '{2}', which the C# that protoc's gRPC plugin writes cannot carry: {3}");

    // SG6xxx: security
    public static DiagnosticDescriptor UnknownSecurityScheme { get; } =
        Error("SG6001", "Unknown security scheme", "{0} requires the security scheme '{1}', which api.security does not declare");

    public static DiagnosticDescriptor UnknownScope { get; } =
        Error("SG6002", "Unknown scope", "{0} requires the scope '{1}', which none of its schemes ({2}) declares");

    public static DiagnosticDescriptor SchemeSettingNotApplicable { get; } =
        Error("SG6003", "Setting does not apply to the scheme", "'{0}' does not apply to security scheme '{1}' of kind {2}");

    public static DiagnosticDescriptor OAuth2FlowIncomplete { get; } =
        Error("SG6004", "OAuth2 flows incomplete", "OAuth2 scheme '{0}' {1}");

    public static DiagnosticDescriptor EmptySecurityRequirement { get; } =
        Error("SG6005", "Requirement names no scheme", "A security requirement of {0} names no scheme");

    public static DiagnosticDescriptor SchemeRequiredTwice { get; } =
        Error("SG6006", "Scheme required twice", "A security requirement of {0} names the scheme '{1}' twice");

    public static DiagnosticDescriptor SchemesShareAuthorization { get; } =
        Error("SG6007", "Schemes share Authorization", "A security requirement of {0} combines {1}, which all travel in the Authorization header; one request carries one");

    public static DiagnosticDescriptor CredentialOutsidePayload { get; } =
        Error("SG6008", "Credential outside a payload", "Attribute '{0}' of {1} carries a credential, which only an attribute of a method's payload can: {2}");

    public static DiagnosticDescriptor CredentialSchemeNotRequired { get; } =
        Error("SG6009", "Credential of a scheme the method does not require", "Attribute '{0}' carries the credential of scheme '{1}', which method '{2}' does not require ({3})");

    public static DiagnosticDescriptor CredentialNotString { get; } =
        Error("SG6010", "Credential is not a String", "Attribute '{0}' carries a credential of scheme '{1}' but is of type {2}; a credential is a String");

    public static DiagnosticDescriptor CredentialCarriedTwice { get; } =
        Error("SG6011", "Credential carried twice", "Attributes '{0}' and '{1}' of the payload of method '{2}' both carry {3}");

    public static DiagnosticDescriptor CredentialPartMissing { get; } =
        Error("SG6012", "Basic credentials incomplete", "{0}");

    public static DiagnosticDescriptor CredentialMappedElsewhere { get; } =
        Error("SG6013", "Credential also mapped", "Attribute '{0}' carries the credential of scheme '{1}' and is also mapped to {2} of method '{3}'; a credential travels where its scheme says");

    public static DiagnosticDescriptor RequiredCredentialMayBeAbsent { get; } =
        Error("SG6014", "Required credential may be absent", "Attribute '{0}' is required, but method '{1}' also admits requests through {2}, which does not authenticate scheme '{3}'; make the attribute optional");

    // SG7xxx: interceptors
    public static DiagnosticDescriptor UnknownInterceptor { get; } =
        Error("SG7001", "Unknown interceptor", "{0} lists the interceptor '{1}', which api.interceptors does not declare");

    public static DiagnosticDescriptor InterceptorListedTwice { get; } =
        Error("SG7002", "Interceptor listed twice", "{0} runs the interceptor '{1}' twice on method '{2}' ({3})");

    public static DiagnosticDescriptor InterceptorPartMissing { get; } =
        Error("SG7003", "Method has no such part", "Interceptor '{0}' {1} the {2}, but method '{3}' {4}");

    public static DiagnosticDescriptor InterceptorAttributeMissing { get; } =
        Error("SG7004", "Attribute the method lacks", "Interceptor '{0}' {1} the {2} attribute '{3}', which the {2} of method '{4}' does not have");

    public static DiagnosticDescriptor InterceptorAttributeTypesDiffer { get; } =
        Error("SG7005", "Attribute types differ between methods", "Interceptor '{0}' sees the {1} attribute '{2}' as {3} in method '{4}' but as {5} in method '{6}'; its view has one type");

    public static DiagnosticDescriptor InterceptorAttributeListedTwice { get; } =
        Error("SG7006", "Attribute listed twice", "Interceptor '{0}' lists '{1}' twice in {2}");

    // SG9xxx: templates and internal errors (a bug in StreamGen or in an override)
    public static DiagnosticDescriptor TemplateSyntaxError { get; } =
        Error("SG9001", "Template syntax error", "Template '{0}': {1}");

    public static DiagnosticDescriptor TemplateRenderError { get; } =
        Error("SG9002", "Template failed to render", "Template '{0}' failed while rendering section '{1}': {2}");

    public static DiagnosticDescriptor GeneratedCodeSyntaxError { get; } =
        Error("SG9003", "Generated C# does not parse", "Section '{0}' rendered C# that does not parse: {1}");

    public static DiagnosticDescriptor UnknownTemplateOverride { get; } =
        Error("SG9004", "Override matches no template", "Override '{0}' matches no built-in template");

    /// <summary>Every descriptor, in id order; docs and tests enumerate this.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(DiagnosticDescriptors).GetProperties()
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Error, title, format);
}
