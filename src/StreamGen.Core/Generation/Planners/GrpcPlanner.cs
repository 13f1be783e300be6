using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>The .proto, the record/message mapper, and per service the gRPC adapter and client.</summary>
internal static class GrpcPlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        if (api.Proto is not { } proto)
        {
            yield break;
        }

        yield return new OutputFile($"gen/{proto.RelativePath}", [new Section("proto", "proto/service.proto.sbn", proto)], Ownership.Generated);
        yield return new OutputFile("gen/buf.yaml", [new Section("buf", "proto/buf.yaml.sbn", proto)], Ownership.Generated);
        yield return FilePlanner.CSharp($"Grpc/{proto.MapperClassName}.g.cs", "proto-mapper", "csharp/grpc/mapper.cs.sbn", proto);
        foreach (var service in api.Services.Where(s => s.HasGrpc))
        {
            yield return FilePlanner.CSharp($"{service.Folder}/Grpc/{service.GrpcServiceClassName}.g.cs", "grpc-server", "csharp/grpc/server.cs.sbn", service);
            yield return FilePlanner.CSharp($"{service.Folder}/Grpc/{service.GrpcClientClassName}.g.cs", "grpc-client", "csharp/grpc/client.cs.sbn", service);
        }
    }
}
