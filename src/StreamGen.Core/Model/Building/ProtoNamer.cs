using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// The protobuf names: the package's services (their names are the gRPC path's, so they come first), a request and a
/// response message per gRPC method, a message per record a gRPC message reaches, and each record's fields. Names
/// protobuf cannot carry are spelled in ASCII (<c>Größe</c> → <c>Grosse</c>, <c>größe</c> → <c>grosse</c>); the JSON
/// names stay as the design writes them.
/// </summary>
internal sealed class ProtoNamer(ModelContext context, NameRegistry registry, IReadOnlyDictionary<DesignObject, string> recordNames, IReadOnlyList<DesignObject> objects)
{
    private static readonly NameOwner Protoc = new("a class protoc generates for the .proto file");

    public ProtoNames Run(Dictionary<DesignService, ServiceNames> services, Dictionary<DesignMethod, MethodNames> methods, IReadOnlyList<EnumNames> enums)
    {
        var package = registry.Add($"messages and services of package {context.ProtoPackage}", IdentifierSyntax.Proto);
        package.Reserve([ProtoNaming.ReflectionClass(context.ProtoPackage)], Protoc);
        var grpcServices = services.Keys.Where(s => s.Methods.ValuesOrEmpty().Any(m => context.ServesGrpc(s, m))).ToList();
        foreach (var service in grpcServices)
        {
            // Validation has made sure each has an ASCII spelling and that no two services share a C# name.
            var name = ProtoNaming.ToProtoIdentifier(services[service].Name)!;
            package.TryClaim(name, new NameOwner($"service '{service.Name}'", service.NameSpan), out _);
            services[service] = services[service] with { ProtoName = name };
        }

        var shared = new HashSet<DesignObject>();
        var carried = new HashSet<DesignObject>();
        foreach (var service in grpcServices)
        {
            var servicePascal = services[service].ProtoName!;
            foreach (var method in service.Methods.ValuesOrEmpty().Where(m => context.ServesGrpc(service, m)))
            {
                var rpc = ProtoNaming.ToProtoIdentifier(methods[method].Name)!;
                var owner = new NameOwner($"method '{method.Name}'", method.NameSpan);
                methods[method] = methods[method] with
                {
                    RpcName = rpc,
                    RequestMessage = package.Allocate(owner, rpc + "Request", servicePascal + rpc + "Request"),
                    ResponseMessage = package.Allocate(owner, rpc + "Response", servicePascal + rpc + "Response"),
                };
                CollectShared(method, shared, carried);
            }
        }

        var messages = objects.Where(shared.Contains).ToDictionary(o => o, o => MessageName(package, o));
        carried.UnionWith(shared);
        var values = registry.Add($"enum values of package {context.ProtoPackage}", IdentifierSyntax.Proto);
        var named = enums.Select(e => e.Uses.Any(u => carried.Contains(u.Owner)) ? ProtoEnum(e, package, values) : e).ToList();
        return new ProtoNames(messages, objects.ToDictionary(o => o, Fields), named);
    }

    /// <summary>
    /// A record's message: its ASCII name, unless protoc's C# class for it would declare a member of that name (CS0542):
    /// one every message has (<c>Clone</c>, <c>Parser</c>, <c>Descriptor</c>...) or one of its own fields'
    /// (<c>HasTopic</c> beside an optional <c>topic</c>). Then, or when the name is taken, <c>{Name}Message</c>.
    /// </summary>
    private string MessageName(NameScope package, DesignObject type)
    {
        var owner = new NameOwner(type.TypeName is null ? type.Description : $"type '{type.TypeName}'", type.Owner.NameSpan);
        var name = ProtoNaming.ToProtoIdentifier(recordNames[type]);
        return name is null || ReservedNames.ProtocMessageMembers.Contains(name) || FieldsDeclare(type, name)
            ? package.Allocate(owner, (name ?? "") + "Message")
            : package.Allocate(owner, name, name + "Message");
    }

    /// <summary>Whether protoc's C# for one of the record's fields declares a member <paramref name="name"/> (<c>HasTopic</c>).</summary>
    private static bool FieldsDeclare(DesignObject type, string name)
    {
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            if (attribute.Field is { } field && ProtoNaming.CSharpMembers(ProtoNaming.FieldName(attributeName, field), hasPresence: true).Skip(1).Contains(name, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The protobuf enum of a design enum a gRPC message carries: its name beside the messages, its values prefixed as buf
    /// wants and unique in the package (protobuf scopes enum values like their enum).
    /// </summary>
    private static EnumNames ProtoEnum(EnumNames names, NameScope package, NameScope values)
    {
        var owner = new NameOwner($"enum {names.Name}");
        var name = package.Allocate(owner, ProtoNaming.ToProtoIdentifier(names.Name) ?? "Enum", (ProtoNaming.ToProtoIdentifier(names.Name) ?? "") + "Enum");
        var zero = values.Allocate(owner, ProtoNaming.EnumValueName(name, null));
        var named = names.Values.ToDictionary(v => v, v => values.Allocate(owner, ProtoNaming.EnumValueName(name, v), ProtoNaming.EnumValueName(name, v) + "_VALUE"), StringComparer.Ordinal);
        return names with { ProtoName = name, ProtoZero = zero, ProtoValues = named };
    }

    /// <summary>
    /// The records a method's messages reach: each field's record, the element of a list, the value of a map, and theirs;
    /// and the records whose attributes the method's own messages carry.
    /// </summary>
    private void CollectShared(DesignMethod method, HashSet<DesignObject> shared, HashSet<DesignObject> carried)
    {
        foreach (var role in new[] { method.StreamingPayload is null ? TypeRole.Payload : TypeRole.StreamingPayload, method.StreamingResult is null ? TypeRole.Result : TypeRole.StreamingResult })
        {
            if (method.TypeReference(role) is { } reference)
            {
                var type = context.TypeOf(reference, role);
                if (context.Index.ObjectOf(type) is { } own)
                {
                    carried.Add(own);
                }

                if (context.Index.ObjectOf(type) is { } record)
                {
                    foreach (var (name, attribute) in record.Attributes)
                    {
                        Collect(context.TypeOf(attribute, name), shared);
                    }
                }
                else
                {
                    Collect(type, shared);
                }
            }
        }
    }

    private void Collect(TypeExpression type, HashSet<DesignObject> shared)
    {
        switch (type)
        {
            case ArrayTypeExpression array:
                Collect(array.Element, shared);
                break;
            case MapTypeExpression map:
                Collect(map.Value, shared);
                break;
            default:
                if (context.Index.ObjectOf(type) is { } record && shared.Add(record))
                {
                    foreach (var (name, attribute) in record.Attributes)
                    {
                        Collect(context.TypeOf(attribute, name), shared);
                    }
                }

                break;
        }
    }

    /// <summary>A record's protobuf fields, by attribute: validation has made sure they and protoc's C# for them stay apart.</summary>
    private IReadOnlyDictionary<string, string> Fields(DesignObject type)
    {
        var scope = registry.Add($"fields of the messages of record {recordNames[type]}", IdentifierSyntax.Proto);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, attribute) in type.Attributes)
        {
            if (attribute.Field is { } field)
            {
                fields.Add(name, scope.Allocate(new NameOwner($"attribute '{name}'", attribute.NameSpan), ProtoNaming.FieldName(name, field), $"field_{field}"));
            }
        }

        return fields;
    }
}
