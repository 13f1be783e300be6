using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The runtime the generated code calls, generated as source (no package to publish or version apart from the
/// tool): errors and validation always; the HTTP/WebSocket runtime and the gRPC runtime when the design uses them;
/// the host that starts Kestrel; and the MSBuild props the project imports.
/// </summary>
internal static class RuntimePlanner
{
    private static readonly string[] Always = ["ServiceError", "Validation", "Check", "StringFormat", "Received"];

    private static readonly string[] Hosting = ["HttpParameters", "ServerEndpoints"];

    private static readonly string[] Http =
    [
        "HttpErrors", "StreamClosedException", "WebSocketFrameWriter", "WebSocketAcceptor", "WebSocketServerStream",
        "WebSocketClientStream", "WebSocketClientConnection", "StreamGenWebSocketOptions", "ServerSentEventsWriter", "HttpResponseBody",
    ];

    private static readonly string[] Grpc = ["GrpcErrors", "GrpcStreams"];

    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        var names = Always.Concat(Hosting).Concat(api.HasHttp ? Http : []).Concat(api.HasGrpc ? Grpc : []);
        foreach (var name in names)
        {
            yield return FilePlanner.CSharp($"Runtime/{name}.g.cs", $"runtime-{name}", $"csharp/runtime/{name}.cs.sbn", api);
        }

        yield return FilePlanner.CSharp($"{api.TypeStem}Server.g.cs", "host", "csharp/host/server.cs.sbn", api);
        yield return new OutputFile("gen/StreamGen.props", [new Section("props", "msbuild/generated.props.sbn", api)], Ownership.Generated);
    }
}
