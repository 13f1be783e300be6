using StreamGen.Design;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>A method served over gRPC: its request and response messages, the payload it reads from metadata, its status codes.</summary>
internal sealed class GrpcMethodPass(ModelNames names, ProtoMessages messages)
{
    public GrpcMethodModel Method(DesignService service, DesignMethod method, MethodModel model)
    {
        var methodNames = names.Methods[method];
        var request = messages.ForUse(methodNames.RequestMessage!, model.ReceivesStream ? model.StreamingPayload : model.Payload, model.Description);
        var response = messages.ForUse(methodNames.ResponseMessage!, model.SendsStream ? model.StreamingResult : model.Result, []);

        // With a client stream the messages are the stream's; the initial payload travels as request metadata.
        var metadata = new List<MetadataParameterModel>();
        if (model.ReceivesStream && model.Payload?.Record is { } payload)
        {
            foreach (var property in payload.Properties)
            {
                var key = ProtoNaming.MetadataKey(property.JsonName)!;
                metadata.Add(new MetadataParameterModel(HttpPass.Parameter(property, key, methodNames.ParameterLocals[property.JsonName]), key, CSharpLiterals.String(key)));
            }
        }

        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, code) in (service.Grpc?.Errors ?? []).Concat(method.Grpc?.Errors ?? []))
        {
            statuses[name] = ProtoNaming.StatusCodeMember(code);
        }

        return new GrpcMethodModel
        {
            RpcName = methodNames.RpcName!,
            StatusName = methodNames.Grpc!.Status,
            ServerStreamClassName = methodNames.Grpc.ServerStream,
            Request = request,
            Response = response,
            Metadata = metadata,
            Errors = statuses.Select(s => new GrpcErrorStatusModel(CSharpLiterals.String(s.Key), s.Value)).ToList(),
        };
    }
}
