using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>Per service with HTTP methods: the server endpoints (WebSocket, SSE, raw and unary) and the typed client.</summary>
internal static class HttpPlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        foreach (var service in api.Services.Where(s => s.HasHttp))
        {
            yield return FilePlanner.CSharp($"{service.Folder}/Http/{service.HttpEndpointsClassName}.g.cs", "http-server", "csharp/http/server.cs.sbn", service);
            yield return FilePlanner.CSharp($"{service.Folder}/Http/{service.HttpClientClassName}.g.cs", "http-client", "csharp/http/client.cs.sbn", service);
        }
    }
}
