using StreamGen.Design;

namespace StreamGen.Model;

/// <summary>A method: its shape, the types of each role, its stream interfaces and its transports.</summary>
public sealed record MethodModel
{
    public required string Name { get; init; }

    public required string DesignName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary><c>SubscribeAsync</c>: the handler on the service interface and the call on the client interface.</summary>
    public required string AsyncName { get; init; }

    public required StreamKind Kind { get; init; }

    public required TypeUseModel? Payload { get; init; }

    public required TypeUseModel? StreamingPayload { get; init; }

    public required TypeUseModel? Result { get; init; }

    public required TypeUseModel? StreamingResult { get; init; }

    /// <summary><c>ISubscribeServerStream</c>, for streaming methods.</summary>
    public required string? ServerStreamInterface { get; init; }

    /// <summary><c>ISubscribeClientStream</c>, for streaming methods.</summary>
    public required string? ClientStreamInterface { get; init; }

    /// <summary>
    /// What the server stream interface derives from: the runtime's interfaces of the operations the method's kind has
    /// (<c>Runtime::IServerStream, Runtime::IStreamSender&lt;SubscribeResult&gt;</c>), which hold their documentation.
    /// </summary>
    public required string? ServerStreamBases { get; init; }

    /// <summary>The same for the client stream interface (<c>Runtime::IClientStream, Runtime::IStreamReceiver&lt;SubscribeResult&gt;</c>).</summary>
    public required string? ClientStreamBases { get; init; }

    /// <summary>The method's security (the policy its endpoint and RPC require), or null when it is open.</summary>
    public required MethodSecurityModel? Security { get; init; }

    public bool IsSecured => Security is not null;

    public required HttpEndpointModel? Http { get; init; }

    public required GrpcMethodModel? Grpc { get; init; }

    public bool IsUnary => Kind == StreamKind.None;

    public bool IsServerStreaming => Kind == StreamKind.Server;

    public bool IsClientStreaming => Kind == StreamKind.Client;

    public bool IsStreaming => Kind != StreamKind.None;

    /// <summary>The handler receives messages (client or bidirectional streaming).</summary>
    public bool ReceivesStream => StreamingPayload is not null;

    /// <summary>The handler sends messages (server or bidirectional streaming).</summary>
    public bool SendsStream => StreamingResult is not null;

    public bool HasPayload => Payload is not null;

    /// <summary>The payload has design rules to check (an object type, or a collection of them).</summary>
    public bool ValidatesPayload => Payload?.IsValidatable == true;

    public bool HasResult => Result is not null;

    /// <summary>Client streaming with a result: the server ends with SendAndCloseAsync, the client with CloseAndRecvAsync.</summary>
    public bool HasStreamResult => IsClientStreaming && Result is not null;

    public bool HasViews => StreamingResult?.HasViews == true;

    public bool IsRawRequest => Http?.IsRawRequest == true;

    public bool IsRawResponse => Http?.IsRawResponse == true;

    public bool IsServerSentEvents => Http?.Sse is not null;

    /// <summary>The handler returns the result itself (unary, raw request); streams send theirs through the stream.</summary>
    public bool ReturnsResult => Result is not null && !IsStreaming;

    /// <summary>
    /// A raw response with a result (Goa's <c>upload_download</c>): the handler returns the result, which travels in response
    /// headers, with the body to send; the client gets both back.
    /// </summary>
    public bool ReturnsRawResult => IsRawResponse && Result is not null;

    /// <summary>The raw result's pair: <c>(DownloadResult Result, Stream Body)</c>.</summary>
    public string? RawResultType => ReturnsRawResult ? $"({Result!.TypeName} Result, Stream Body)" : null;

    public string HandlerReturnType => ReturnsRawResult ? $"Task<{RawResultType}>" : ReturnsResult ? $"Task<{Result!.TypeName}>" : "Task";

    /// <summary>What a client's call returns: the client stream, the raw response body (with the result), or the result.</summary>
    public string ClientReturnType => IsStreaming ? $"Task<{ClientStreamInterface}>" : ReturnsRawResult ? HandlerReturnType : IsRawResponse ? "Task<Stream>" : HandlerReturnType;

    /// <summary>The handler reads the raw request body (<c>Stream body</c>).</summary>
    public bool TakesRawRequest => IsRawRequest;

    /// <summary>The handler writes the raw response body into a stream it is given: a raw response without a result.</summary>
    public bool WritesRawResponse => IsRawResponse && Result is null;

    /// <summary>The name of the stream the handler writes: <c>body</c>, or <c>responseBody</c> beside a raw request's <c>body</c>.</summary>
    public string ResponseBodyParameter => IsRawRequest ? "responseBody" : "body";
}

/// <summary>A type in one role of a method (payload, result, a streamed item).</summary>
public sealed record TypeUseModel
{
    public required TypeRole Role { get; init; }

    public required TypeRefModel Type { get; init; }

    /// <summary>The generated record, when the type is an object type.</summary>
    public required TypeModel? Record { get; init; }

    /// <summary>The view the method always renders (<c>view:</c> in the design), as the view enum member.</summary>
    public required ViewModel? FixedView { get; init; }

    public string TypeName => Type.TypeName;

    /// <summary>What RecvAsync returns: the type made nullable, null meaning end of stream.</summary>
    public string NullableTypeName => Type.NullableTypeName;

    public bool IsValidatable => Type.IsValidatable || Type.HasValidatableItems;

    public bool HasViews => Record?.HasViews == true && FixedView is null;

    public bool HasFixedView => FixedView is not null;

    public bool HasProjections => Record?.HasProjections == true;

    public string? ViewEnumName => Record?.ViewEnumName;

    /// <summary>Sent or received in a view: a result type with views, whether the handler or the method chooses it.</summary>
    public bool IsViewed => Record?.HasViews == true;

    /// <summary>The view the method fixes, as a C# enum member (<c>ChatEventView.Compact</c>).</summary>
    public string? FixedViewLiteral => FixedView is null ? null : $"{ViewEnumName}.{FixedView.Name}";
}
