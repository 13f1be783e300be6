namespace StreamGen.Model.Building;

/// <summary>
/// Picks the runtime's stream type for a method's kind and transport (one per kind, a viewed one for a result type with
/// views) and binds it: the method's types, its JSON contracts or protobuf conversions, a view the method fixes. This is
/// where the model decides what the templates declare in one line, so no template switches on the stream kind.
/// </summary>
internal sealed class StreamClasses(ModelContext context)
{
    private string Json => $"{context.Stem}JsonContext.Default";

    private string Reader => $"{context.Stem}JsonReader";

    private string Mapper => $"{context.Stem}ProtoMapper";

    /// <summary>The runtime interfaces a method's server stream interface derives from.</summary>
    public static string ServerBases(MethodModel method)
    {
        var bases = new List<string> { "Runtime::IServerStream" };
        if (method.StreamingResult is { } result)
        {
            bases.Add(result.HasViews ? $"Runtime::IViewedStreamSender<{result.TypeName}, {result.ViewEnumName}>" : $"Runtime::IStreamSender<{result.TypeName}>");
        }

        if (method.StreamingPayload is { } payload)
        {
            bases.Add(Receiver(payload));
        }

        if (method.HasStreamResult)
        {
            bases.Add($"Runtime::IStreamResultSender<{method.Result!.TypeName}>");
        }

        return string.Join(", ", bases);
    }

    /// <summary>The runtime interfaces a method's client stream interface derives from.</summary>
    public static string ClientBases(MethodModel method)
    {
        var bases = new List<string> { "Runtime::IClientStream" };
        if (method.StreamingPayload is { } payload)
        {
            bases.Add($"Runtime::IStreamSender<{payload.TypeName}>");
        }

        if (method.StreamingResult is { } result)
        {
            bases.Add(result.HasViews ? $"Runtime::IViewedStreamReceiver<{result.TypeName}, {result.ViewEnumName}>" : Receiver(result));
        }

        if (method.ReceivesStream)
        {
            bases.Add(method.HasStreamResult ? $"Runtime::IStreamResultReceiver<{method.Result!.TypeName}>" : "Runtime::IStreamCloser");
        }

        return string.Join(", ", bases);
    }

    /// <summary>The server end over a WebSocket, as Server-Sent Events, or as JSON Lines (<paramref name="successStatus"/>: a JSON Lines client stream's answer).</summary>
    public StreamClassModel HttpServer(MethodModel method, string name, Framing framing, int successStatus)
    {
        var (payload, result) = (method.StreamingPayload, method.StreamingResult);
        if (framing == Framing.ServerSentEvents)
        {
            return Viewed(name, "HttpContext context", result!, "Runtime::ServerSentEventsStream", "Runtime::ViewedServerSentEventsStream", [], [], $"context, {Json}.{result!.Type.JsonInfoName}");
        }

        if (framing == Framing.JsonLines)
        {
            // A server stream or a client stream (SG4018 keeps jsonLines to those): the results as the response body, or the payloads as the request body.
            var status = successStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (payload, result) switch
            {
                ({ } received, _) when method.Result is { } closing => new(
                    name, "HttpContext context", $"Runtime::JsonLinesClientStreamingResultStream<{received.TypeName}, {closing.TypeName}>",
                    $"context, {Reader}.{received.Type.JsonInfoName}, {Json}.{closing.Type.JsonInfoName}, {status}"),
                ({ } received, _) => new(name, "HttpContext context", $"Runtime::JsonLinesClientStreamingStream<{received.TypeName}>", $"context, {Reader}.{received.Type.JsonInfoName}, {status}"),
                _ => Viewed(name, "HttpContext context", result!, "Runtime::JsonLinesStream", "Runtime::ViewedJsonLinesStream", [], [], $"context, {Json}.{result!.Type.JsonInfoName}"),
            };
        }

        return (payload, result) switch
        {
            (null, { } sent) => Viewed(name, "HttpContext context", sent, "Runtime::WebSocketServerStreamingStream", "Runtime::WebSocketViewedServerStreamingStream", [], [], $"context, {Json}.{sent.Type.JsonInfoName}"),
            ({ } received, null) when method.Result is { } closing => new(
                name, "HttpContext context", $"Runtime::WebSocketClientStreamingResultStream<{received.TypeName}, {closing.TypeName}>",
                $"context, {Reader}.{received.Type.JsonInfoName}, {Json}.{closing.Type.JsonInfoName}"),
            ({ } received, null) => new(name, "HttpContext context", $"Runtime::WebSocketClientStreamingStream<{received.TypeName}>", $"context, {Reader}.{received.Type.JsonInfoName}"),
            _ => Viewed(
                name, "HttpContext context", result!, "Runtime::WebSocketBidirectionalStream", "Runtime::WebSocketViewedBidirectionalStream", [payload!.TypeName], [],
                $"context, {Reader}.{payload.Type.JsonInfoName}, {Json}.{result!.Type.JsonInfoName}"),
        };
    }

    /// <summary>The client end over a WebSocket, of Server-Sent Events, or of JSON Lines.</summary>
    public StreamClassModel HttpClient(MethodModel method, string name, Framing framing)
    {
        var (payload, result) = (method.StreamingPayload, method.StreamingResult);
        if (framing == Framing.ServerSentEvents)
        {
            return Viewed(
                name, "Runtime::ServerSentEventsConnection connection", result!, "Runtime::ServerSentEventsClientStream", "Runtime::ViewedServerSentEventsClientStream", [], [],
                $"connection, {Reader}.{result!.Type.JsonInfoName}");
        }

        if (framing == Framing.JsonLines && payload is { } lines)
        {
            return method.Result is { } answer
                ? new(name, "Runtime::JsonLinesRequest request", $"Runtime::JsonLinesClientStreamingResultCall<{lines.TypeName}, {answer.TypeName}>",
                    $"request, {Json}.{lines.Type.JsonInfoName}, {Reader}.{answer.Type.JsonInfoName}")
                : new(name, "Runtime::JsonLinesRequest request", $"Runtime::JsonLinesClientStreamingCall<{lines.TypeName}>", $"request, {Json}.{lines.Type.JsonInfoName}");
        }

        if (framing == Framing.JsonLines)
        {
            return Viewed(
                name, "Runtime::JsonLinesConnection connection", result!, "Runtime::JsonLinesClientStream", "Runtime::ViewedJsonLinesClientStream", [], [],
                $"connection, {Reader}.{result!.Type.JsonInfoName}");
        }

        const string parameters = "Runtime::WebSocketConnection connection";
        return (payload, result) switch
        {
            (null, { } received) => Viewed(name, parameters, received, "Runtime::WebSocketServerStreamingCall", "Runtime::WebSocketViewedServerStreamingCall", [], [], $"connection, {Reader}.{received.Type.JsonInfoName}"),
            ({ } sent, null) when method.Result is { } closing => new(
                name, parameters, $"Runtime::WebSocketClientStreamingResultCall<{sent.TypeName}, {closing.TypeName}>",
                $"connection, {Json}.{sent.Type.JsonInfoName}, {Reader}.{closing.Type.JsonInfoName}"),
            ({ } sent, null) => new(name, parameters, $"Runtime::WebSocketClientStreamingCall<{sent.TypeName}>", $"connection, {Json}.{sent.Type.JsonInfoName}"),
            _ => Viewed(
                name, parameters, result!, "Runtime::WebSocketBidirectionalCall", "Runtime::WebSocketViewedBidirectionalCall", [payload!.TypeName], [],
                $"connection, {Json}.{payload.Type.JsonInfoName}, {Reader}.{result!.Type.JsonInfoName}"),
        };
    }

    /// <summary>The server end of a streaming RPC.</summary>
    public StreamClassModel GrpcServer(MethodModel method, string name, ProtoMessageModel request, ProtoMessageModel response)
    {
        var (payload, result) = (method.StreamingPayload, method.StreamingResult);
        var requests = $"GrpcCore::IAsyncStreamReader<{request.CSharpName}> requests";
        var responses = $"GrpcCore::IServerStreamWriter<{response.CSharpName}> responses";
        return (payload, result) switch
        {
            (null, { } sent) => Viewed(
                name, $"{responses}, GrpcCore::ServerCallContext context", sent, "Runtime::GrpcServerStreamingStream", "Runtime::GrpcViewedServerStreamingStream", [], [response.CSharpName],
                $"responses, context, {Mapper}.{response.ToProtoMethod}"),
            ({ } received, null) when method.Result is { } closing => new(
                name, $"{requests}, GrpcCore::ServerCallContext context", $"Runtime::GrpcClientStreamingResultStream<{received.TypeName}, {request.CSharpName}, {closing.TypeName}, {response.CSharpName}>",
                $"requests, context, {Mapper}.FromProto, {Mapper}.{response.ToProtoMethod}"),
            ({ } received, null) => new(
                name, $"{requests}, GrpcCore::ServerCallContext context", $"Runtime::GrpcClientStreamingStream<{received.TypeName}, {request.CSharpName}, {response.CSharpName}>",
                $"requests, context, {Mapper}.FromProto"),
            _ => Viewed(
                name, $"{requests}, {responses}, GrpcCore::ServerCallContext context", result!, "Runtime::GrpcBidirectionalStream", "Runtime::GrpcViewedBidirectionalStream",
                [payload!.TypeName, request.CSharpName], [response.CSharpName], $"requests, responses, context, {Mapper}.FromProto, {Mapper}.{response.ToProtoMethod}"),
        };
    }

    /// <summary>The client end of a streaming RPC.</summary>
    public StreamClassModel GrpcClient(MethodModel method, string name, ProtoMessageModel request, ProtoMessageModel response)
    {
        var (payload, result) = (method.StreamingPayload, method.StreamingResult);
        return (payload, result) switch
        {
            (null, { } received) => Viewed(
                name, $"GrpcCore::AsyncServerStreamingCall<{response.CSharpName}> call, GrpcCore::Metadata headers", received, "Runtime::GrpcServerStreamingCall", "Runtime::GrpcViewedServerStreamingCall",
                [], [response.CSharpName], $"call, headers, {Mapper}.FromProto"),
            ({ } sent, null) when method.Result is { } closing => new(
                name, $"GrpcCore::AsyncClientStreamingCall<{request.CSharpName}, {response.CSharpName}> call, GrpcCore::Metadata headers",
                $"Runtime::GrpcClientStreamingResultCall<{sent.TypeName}, {request.CSharpName}, {closing.TypeName}, {response.CSharpName}>",
                $"call, headers, {Mapper}.{request.ToProtoMethod}, {Mapper}.FromProto"),
            ({ } sent, null) => new(
                name, $"GrpcCore::AsyncClientStreamingCall<{request.CSharpName}, {response.CSharpName}> call, GrpcCore::Metadata headers",
                $"Runtime::GrpcClientStreamingCall<{sent.TypeName}, {request.CSharpName}, {response.CSharpName}>", $"call, headers, {Mapper}.{request.ToProtoMethod}"),
            _ => Viewed(
                name, $"GrpcCore::AsyncDuplexStreamingCall<{request.CSharpName}, {response.CSharpName}> call, GrpcCore::Metadata headers", result!,
                "Runtime::GrpcBidirectionalCall", "Runtime::GrpcViewedBidirectionalCall", [payload!.TypeName, request.CSharpName], [response.CSharpName],
                $"call, headers, {Mapper}.{request.ToProtoMethod}, {Mapper}.FromProto"),
        };
    }

    private static string Receiver(TypeUseModel use) =>
        use.Type.IsValueType ? $"Runtime::IValueStreamReceiver<{use.TypeName}>" : $"Runtime::IStreamReceiver<{use.TypeName}>";

    /// <summary>
    /// The plain kind, or for a result type with views the viewed one: its view enum after the type arguments, and the
    /// view a method fixes after the arguments.
    /// </summary>
    private static StreamClassModel Viewed(
        string name, string parameters, TypeUseModel result, string plain, string viewed, IReadOnlyList<string> before, IReadOnlyList<string> after, string arguments)
    {
        var types = string.Join(", ", [.. before, result.TypeName, .. after]);
        return result.IsViewed
            ? new(name, parameters, $"{viewed}<{types}, {result.ViewEnumName}>", result.FixedViewLiteral is { } view ? $"{arguments}, {view}" : arguments)
            : new(name, parameters, $"{plain}<{types}>", arguments);
    }
}
