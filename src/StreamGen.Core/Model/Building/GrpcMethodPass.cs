using StreamGen.Design;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>A method served over gRPC: its request and response messages, the payload it reads from metadata, its status codes.</summary>
internal sealed class GrpcMethodPass(ModelNames names, ProtoMessages messages, StreamClasses streams)
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
            var credentials = model.Security?.Credentials.Select(c => c.Property.JsonName).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var property in payload.Properties.Where(p => !credentials.Contains(p.JsonName)))
            {
                var key = ProtoNaming.MetadataKey(property.JsonName)!;
                metadata.Add(new MetadataParameterModel(HttpPass.Parameter(property, key, methodNames.ParameterLocals[property.JsonName]), key, CSharpLiterals.String(key)));
            }
        }

        return new GrpcMethodModel
        {
            RpcName = methodNames.RpcName!,
            StatusName = methodNames.Grpc!.Status,
            DecodeName = methodNames.Grpc.Decode,
            ServerStream = model.IsStreaming ? streams.GrpcServer(model, methodNames.Grpc.ServerStream!, request, response) : null,
            ClientStream = model.IsStreaming ? streams.GrpcClient(model, methodNames.Name + "ClientStream", request, response) : null,
            Request = request,
            Response = response,
            StreamsRequests = model.ReceivesStream,
            StreamsResponses = model.SendsStream,
            Metadata = metadata,
            Credentials = model.Security?.Credentials ?? [],
            Errors = HttpMapping.GrpcStatuses(service, method).Select(s => new GrpcErrorStatusModel(CSharpLiterals.String(s.Name), ProtoNaming.StatusCodeMember(s.Code))).ToList(),
        };
    }
}
