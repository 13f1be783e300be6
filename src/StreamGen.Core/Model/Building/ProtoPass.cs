using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// Pass 5, over the finished services: the .proto file. Its messages are the methods' own, plus a shared message per
/// record the name pass found reachable; the imports follow from the fields the messages ended up with.
/// </summary>
internal sealed class ProtoPass(ModelContext context, ModelNames names, ProtoMessages messages, IReadOnlyDictionary<DesignObject, TypeModel> records, IEnumerable<EnumModel> enums)
{
    public ProtoFileModel? Run(IReadOnlyList<ServiceModel> services)
    {
        var grpcServices = services.Where(s => s.HasGrpc).ToList();
        if (grpcServices.Count == 0)
        {
            return null;
        }

        var methodMessages = grpcServices.SelectMany(s => s.GrpcMethods).SelectMany(m => new[] { m.Grpc!.Request, m.Grpc.Response });
        var sharedMessages = names.SharedMessages.Keys.Select(type => messages.ForRecord(names.SharedMessages[type], records[type], "ToProto"));
        var all = methodMessages.Concat(sharedMessages).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var package = context.ProtoPackage;
        var fields = all.SelectMany(m => m.Fields).ToList();
        var usesAny = fields.Any(f => f.Type.ContainsAny);
        return new ProtoFileModel
        {
            UsesAny = usesAny,
            Enums = [.. enums.Select(e => e.Proto).OfType<ProtoEnumModel>()],
            MapperUsings = CSharpUsings.Of(
                ["System.CodeDom.Compiler"],
                fields.Any(f => f.IsMap || (f.IsRepeated && !f.Conversion.IsIdentity)) ? ["System.Linq"] : [],
                usesAny ? ["System.Buffers", "System.Text.Json"] : [],
                all.Where(m => m.RecordTypeName is not null).SelectMany(m => m.Fields).SelectMany(f => f.Type.Namespaces)),
            FileName = package + ".proto",
            RelativePath = $"{package.Replace('.', '/')}/{package}.proto",
            Package = package,
            CSharpNamespace = context.ProtoNamespace,
            // Any travels as google.protobuf.Value, which struct.proto declares.
            Imports = usesAny ? ["google/protobuf/struct.proto"] : [],
            Services = grpcServices.Select(s => new ProtoServiceModel(
                s.ProtoServiceName!,
                s.Description,
                s.GrpcMethods.Select(m => new ProtoRpcModel(m.Grpc!.RpcName, m.Description, m.Grpc!.Request.Name, m.Grpc.Response.Name, m.ReceivesStream, m.SendsStream)).ToList())).ToList(),
            Messages = all,
            MapperClassName = $"{context.Stem}ProtoMapper",
        };
    }
}
