using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Model;

/// <summary>gRPC: the .proto messages (one request and one response per RPC, one message per nested type), metadata and status codes.</summary>
public sealed partial class ModelBuilder
{
    private readonly NameRegistry _messageNames = new();
    private readonly List<ProtoMessageModel> _messages = [];
    private readonly Dictionary<string, ProtoMessageModel> _sharedMessages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Record, string Attribute), long> _fieldNumbers = [];
    private bool _usesValue;

    private string ProtoPackage => ProtoNaming.ToSnakeCase(_document.Api!.ApiName!);

    private string ProtoNamespace => _namespace + ".Protos";

    private GrpcMethodModel BuildGrpcMethod(DesignService service, DesignMethod method, MethodModel model)
    {
        EnsureFieldNumbers();
        var servicePascal = CSharpNaming.ToPascalCase(service.Name);
        var requestUse = model.ReceivesStream ? model.StreamingPayload : model.Payload;
        var responseUse = model.SendsStream ? model.StreamingResult : model.Result;
        var request = MethodMessage(_messageNames.Allocate(model.Name + "Request", servicePascal + model.Name + "Request"), requestUse, model.Description);
        var response = MethodMessage(_messageNames.Allocate(model.Name + "Response", servicePascal + model.Name + "Response"), responseUse, []);

        var metadata = new List<MetadataParameterModel>();
        if (model.ReceivesStream && model.Payload?.Record is { } payload)
        {
            foreach (var property in payload.Properties)
            {
                var key = property.JsonName.ToLowerInvariant();
                metadata.Add(new MetadataParameterModel(Parameter(property, key), key, CSharpLiterals.String(key)));
            }
        }

        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, code) in (service.Grpc?.Errors ?? []).Concat(method.Grpc?.Errors ?? []))
        {
            statuses[name] = ProtoNaming.StatusCodeMember(code);
        }

        return new GrpcMethodModel
        {
            RpcName = model.Name,
            Request = request,
            Response = response,
            Metadata = metadata,
            Errors = statuses.Select(s => new GrpcErrorStatusModel(CSharpLiterals.String(s.Key), s.Value)).ToList(),
        };
    }

    private ProtoFileModel? BuildProto(IReadOnlyList<ServiceModel> services)
    {
        if (!services.Any(s => s.HasGrpc))
        {
            return null;
        }

        var package = ProtoPackage;
        return new ProtoFileModel
        {
            FileName = package + ".proto",
            RelativePath = $"{package.Replace('.', '/')}/{package}.proto",
            Package = package,
            CSharpNamespace = ProtoNamespace,
            Imports = _usesValue ? ["google/protobuf/struct.proto"] : [],
            Services = services.Where(s => s.HasGrpc).Select(s => new ProtoServiceModel(
                s.Name,
                s.Description,
                s.GrpcMethods.Select(m => new ProtoRpcModel(m.Name, m.Description, m.Grpc!.Request.Name, m.Grpc.Response.Name, m.ReceivesStream, m.SendsStream)).ToList())).ToList(),
            Messages = _messages.OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
            MapperClassName = $"{_stem}ProtoMapper",
        };
    }

    /// <summary>Field numbers live on design attributes; index them by record and JSON name once.</summary>
    private void EnsureFieldNumbers()
    {
        if (_fieldNumbers.Count > 0)
        {
            return;
        }

        foreach (var (type, record) in _recordNames)
        {
            foreach (var (name, attribute) in type.Attributes)
            {
                if (attribute.Field is { } field)
                {
                    _fieldNumbers[(record, name)] = field;
                }
            }
        }
    }

    private ProtoMessageModel MethodMessage(string name, TypeUseModel? use, IReadOnlyList<string> description)
    {
        ProtoMessageModel message;
        if (use is null)
        {
            message = new ProtoMessageModel
            {
                Name = name, CSharpName = $"global::{ProtoNamespace}.{name}", Description = description, Fields = [], RecordTypeName = null,
                IsWrapper = false, ToProtoMethod = "To" + name, IsEmpty = true,
            };
        }
        else if (use.Record is { } record)
        {
            message = RecordMessage(name, record, "To" + name);
        }
        else
        {
            var field = new ProtoFieldModel
            {
                Name = "value", Number = 1, ProtoType = ProtoTypeOf(use.Type), Label = "", CSharpName = "Value", Description = [], IsRepeated = false,
                IsMap = false, HasPresenceFlag = false, IsMessage = use.Type.TypeName.Contains("JsonElement", StringComparison.Ordinal), Property = null,
            };
            message = new ProtoMessageModel
            {
                Name = name, CSharpName = $"global::{ProtoNamespace}.{name}", Description = description, Fields = [field], RecordTypeName = use.TypeName,
                IsWrapper = true, ToProtoMethod = "To" + name, IsEmpty = false,
            };
        }

        _messages.Add(message);
        return message;
    }

    private ProtoMessageModel RecordMessage(string name, TypeModel record, string toProtoMethod)
    {
        var fields = record.Properties.Select(property => Field(record, property, name)).ToList();
        return new ProtoMessageModel
        {
            Name = name,
            CSharpName = $"global::{ProtoNamespace}.{name}",
            Description = record.Description,
            Fields = fields,
            RecordTypeName = record.FullName,
            IsWrapper = false,
            ToProtoMethod = toProtoMethod,
            IsEmpty = fields.Count == 0,
        };
    }

    /// <summary>The shared message of a record used as a field, element or map value; created on first use.</summary>
    private string SharedMessage(TypeModel record)
    {
        if (_sharedMessages.TryGetValue(record.Name, out var existing))
        {
            return existing.Name;
        }

        var name = _messageNames.Allocate(record.Name);
        var placeholder = new ProtoMessageModel
        {
            Name = name, CSharpName = "", Description = [], Fields = [], RecordTypeName = null, IsWrapper = false, ToProtoMethod = "ToProto", IsEmpty = true,
        };
        _sharedMessages[record.Name] = placeholder;
        var message = RecordMessage(name, record, "ToProto");
        _sharedMessages[record.Name] = message;
        _messages.Add(message);
        return name;
    }

    private ProtoFieldModel Field(TypeModel record, PropertyModel property, string messageName)
    {
        var fieldName = ProtoNaming.ToSnakeCase(property.JsonName);
        var type = property.Type;
        var isScalar = !type.IsArray && !type.IsMap && !type.IsValidatable && !type.TypeName.Contains("JsonElement", StringComparison.Ordinal);
        var optional = isScalar && (property.IsNullable || property.HasDefault);
        return new ProtoFieldModel
        {
            Name = fieldName,
            Number = (int)_fieldNumbers[(record.Name, property.JsonName)],
            ProtoType = ProtoTypeOf(type),
            Label = type.IsArray ? "repeated " : optional ? "optional " : "",
            CSharpName = ProtoNaming.CSharpPropertyName(fieldName, messageName),
            Description = property.Description,
            IsRepeated = type.IsArray,
            IsMap = type.IsMap,
            HasPresenceFlag = optional,
            IsMessage = !type.IsArray && !type.IsMap && !isScalar,
            Property = property,
        };
    }

    /// <summary>The .proto spelling of a type (element type for arrays; the label says repeated).</summary>
    private string ProtoTypeOf(TypeRefModel type)
    {
        if (type.IsArray)
        {
            return ProtoTypeOf(type.Element!);
        }

        if (type.IsMap)
        {
            return $"map<{ProtoTypeOf(type.Key!)}, {ProtoTypeOf(type.Element!)}>";
        }

        switch (type.JsonInfoName)
        {
            case "Boolean": return "bool";
            case "Int32": return "sint32";
            case "Int64": return "sint64";
            case "UInt32": return "uint32";
            case "UInt64": return "uint64";
            case "Single": return "float";
            case "Double": return "double";
            case "String": return "string";
            case "ByteArray": return "bytes";
            case "JsonElement":
                _usesValue = true;
                return "google.protobuf.Value";
            default:
                return SharedMessage(_records.Values.First(r => r.FullName == type.TypeName));
        }
    }
}
