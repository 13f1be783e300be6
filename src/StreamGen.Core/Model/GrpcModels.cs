namespace StreamGen.Model;

/// <summary>A method served over gRPC: its RPC, messages, metadata and status mapping.</summary>
public sealed record GrpcMethodModel
{
    public required string RpcName { get; init; }

    /// <summary>The gRPC service class's status table the method's errors map through (<c>ErrorStatus</c>, one per distinct mapping of the service).</summary>
    public required string StatusName { get; init; }

    /// <summary>The gRPC service class's method that reads a client-streaming method's payload from the request metadata (<c>DecodeWatch</c>).</summary>
    public required string DecodeName { get; init; }

    /// <summary>The gRPC service class's stream class for a streaming method: a gRPC kind of the runtime.</summary>
    public required StreamClassModel? ServerStream { get; init; }

    /// <summary>The gRPC client's stream class for a streaming method.</summary>
    public required StreamClassModel? ClientStream { get; init; }

    public required ProtoMessageModel Request { get; init; }

    public required ProtoMessageModel Response { get; init; }

    /// <summary>For client and bidirectional streaming: the payload attributes that travel as request metadata.</summary>
    public required IReadOnlyList<MetadataParameterModel> Metadata { get; init; }

    public required IReadOnlyList<GrpcErrorStatusModel> Errors { get; init; }

    public bool HasMetadata => Metadata.Count > 0;

    /// <summary>The payload attributes that carry credentials, which the server reads from the call's headers.</summary>
    public IReadOnlyList<PayloadCredentialModel> Credentials { get; init; } = [];

    /// <summary>The server builds the payload in a decode method: from metadata and credentials, as a client or bidirectional stream's.</summary>
    public bool DecodesMetadata => StreamsRequests && (Metadata.Count > 0 || Credentials.Count > 0);

    /// <summary>The request message's <c>FromProto</c> takes the credentials the server reads (a unary or server-streaming request's).</summary>
    public IReadOnlyList<PayloadCredentialModel> FromProtoCredentials => StreamsRequests ? [] : Credentials;

    /// <summary>The client streams requests (client or bidirectional streaming).</summary>
    public required bool StreamsRequests { get; init; }

    /// <summary>The server streams responses (server or bidirectional streaming).</summary>
    public required bool StreamsResponses { get; init; }
}

public sealed record MetadataParameterModel(ParameterModel Parameter, string Key, string KeyLiteral);

public sealed record GrpcErrorStatusModel(string NameLiteral, string StatusCode);

/// <summary>The generated .proto file.</summary>
public sealed record ProtoFileModel
{
    /// <summary>The design enums a message carries, as protobuf enums.</summary>
    public required IReadOnlyList<ProtoEnumModel> Enums { get; init; }

    /// <summary>The namespaces the mapper imports.</summary>
    public required IReadOnlyList<string> MapperUsings { get; init; }

    /// <summary>A message carries Any (<c>google.protobuf.Value</c>): the mapper converts it to and from JSON.</summary>
    public required bool UsesAny { get; init; }

    public required string FileName { get; init; }

    /// <summary>Where the file goes under gen/ (package-shaped, as buf expects): <c>logger/logger.proto</c>.</summary>
    public required string RelativePath { get; init; }

    public required string Package { get; init; }

    public required string CSharpNamespace { get; init; }

    public required IReadOnlyList<string> Imports { get; init; }

    public required IReadOnlyList<ProtoServiceModel> Services { get; init; }

    public required IReadOnlyList<ProtoMessageModel> Messages { get; init; }

    /// <summary>The static class that converts between records and messages.</summary>
    public required string MapperClassName { get; init; }

    public bool HasImports => Imports.Count > 0;
}

public sealed record ProtoServiceModel(string Name, IReadOnlyList<string> Description, IReadOnlyList<ProtoRpcModel> Rpcs);

public sealed record ProtoRpcModel(string Name, IReadOnlyList<string> Description, string RequestType, string ResponseType, bool ClientStreaming, bool ServerStreaming)
{
    public string RequestPrefix => ClientStreaming ? "stream " : "";

    public string ResponsePrefix => ServerStreaming ? "stream " : "";
}

/// <summary>A protobuf message and the C# record it converts to and from.</summary>
public sealed record ProtoMessageModel
{
    public required string Name { get; init; }

    /// <summary>The protoc-generated C# class, as the generated files write it: <c>Protos.SubscribeRequest</c>.</summary>
    public required string CSharpName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required IReadOnlyList<ProtoFieldModel> Fields { get; init; }

    /// <summary>The C# type the message converts to; null for an empty message.</summary>
    public required string? RecordTypeName { get; init; }

    /// <summary>The message wraps a primitive, Any or collection in its single field <c>value</c>.</summary>
    public required bool IsWrapper { get; init; }

    /// <summary>For a wrapper, the object initializer's member from the C# <c>value</c>: <c>Value = { value }</c> for a list.</summary>
    public required string? WrapperToProto { get; init; }

    /// <summary>For a wrapper, the C# value read from <c>message.Value</c>: <c>[.. message.Value]</c> for a list.</summary>
    public required string? WrapperFromProto { get; init; }

    /// <summary>Name of the record-to-message conversion (<c>ToProto</c> for shared messages, <c>ToSubscribeResponse</c> for per-method ones).</summary>
    public required string ToProtoMethod { get; init; }

    public required bool IsEmpty { get; init; }

    /// <summary>The record's attributes that carry credentials: no fields of the message, parameters of its <c>FromProto</c>.</summary>
    public IReadOnlyList<PropertyModel> Credentials { get; init; } = [];

    /// <summary>The extra parameters of <c>FromProto</c>, one per credential (<c>, string? tokenValue</c>).</summary>
    public string CredentialParameters => string.Concat(Credentials.Select(c => $", string? {c.LocalName}"));
}

/// <summary>A protobuf field of a message, with how the C# property converts to it.</summary>
public sealed record ProtoFieldModel
{
    public required string Name { get; init; }

    public required int Number { get; init; }

    /// <summary>The field's type as the model resolved it; the .proto spelling below is chosen from its kind.</summary>
    public required TypeRefModel Type { get; init; }

    /// <summary>The field's type as written in the .proto (<c>string</c>, <c>sint64</c>, <c>LogRecord</c>, <c>map&lt;string, string&gt;</c>).</summary>
    public required string ProtoType { get; init; }

    /// <summary><c>optional </c>, <c>repeated </c> or empty; written before the type.</summary>
    public required string Label { get; init; }

    /// <summary>The property protoc generates in C# (<c>Timestamp</c>, <c>LastEventId</c>).</summary>
    public required string CSharpName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required bool IsRepeated { get; init; }

    public required bool IsMap { get; init; }

    /// <summary>proto3 <c>optional</c> scalar: presence through <c>HasX</c>.</summary>
    public required bool HasPresenceFlag { get; init; }

    /// <summary>A message-typed field: presence through null.</summary>
    public required bool IsMessage { get; init; }

    /// <summary>The record property the field converts to and from; null for a wrapper's <c>value</c>.</summary>
    public required PropertyModel? Property { get; init; }

    /// <summary>How one value (the field, a list item, a map value) converts; identity for strings and numbers.</summary>
    public required ProtoConversion Conversion { get; init; }

    /// <summary>How a map key converts (keys are strings, integers or booleans: identity).</summary>
    public ProtoConversion KeyConversion { get; init; } = ProtoConversion.Identity;
}

/// <summary>
/// How one C# value converts to its protobuf form and back, as the text around the value: a cast for a design enum
/// (<c>(Protos.Level)</c>), a call for a record (<c>ToProto(</c>…<c>)</c>), bytes and Any; nothing for the rest.
/// </summary>
public sealed record ProtoConversion(string ToProtoPrefix, string ToProtoSuffix, string FromProtoPrefix, string FromProtoSuffix)
{
    public static ProtoConversion Identity { get; } = new("", "", "", "");

    public bool IsIdentity => this == Identity;
}
