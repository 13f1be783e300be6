using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>Builds protobuf messages from records and type uses; field types are chosen by kind.</summary>
internal sealed class ProtoMessages(ModelNames names, IReadOnlyDictionary<string, Design.Types.DesignObject> objectsByRecord)
{
    /// <summary>A per-method message: empty, a wrapper of a primitive or collection in field <c>value</c>, or a record's fields.</summary>
    public ProtoMessageModel ForUse(string name, TypeUseModel? use, IReadOnlyList<string> description)
    {
        if (use is null)
        {
            return new ProtoMessageModel
            {
                Name = name, CSharpName = CSharpName(name), Description = description, Fields = [], RecordTypeName = null,
                IsWrapper = false, ToProtoMethod = "To" + name, IsEmpty = true, WrapperToProto = null, WrapperFromProto = null,
            };
        }

        if (use.Record is { } record)
        {
            return ForRecord(name, record, "To" + name);
        }

        // A primitive, Any or collection travels in the field value; a collection is a repeated or map field, as a record's
        // attribute of that type would be (the format refuses nested collections over gRPC: SG5005).
        var type = use.Type;
        var conversion = Conversion(type.Element ?? type);
        var keyConversion = type.Key is { } key ? Conversion(key) : ProtoConversion.Identity;
        var field = new ProtoFieldModel
        {
            Name = "value", Number = 1, Type = type, ProtoType = ProtoType(type), Label = type.IsArray ? "repeated " : "", CSharpName = "Value", Description = [],
            IsRepeated = type.IsArray, IsMap = type.IsMap, HasPresenceFlag = false, IsMessage = type.IsAny, Property = null, Conversion = conversion,
            KeyConversion = keyConversion,
        };
        return new ProtoMessageModel
        {
            Name = name, CSharpName = CSharpName(name), Description = description, Fields = [field], RecordTypeName = use.TypeName,
            IsWrapper = true, ToProtoMethod = "To" + name, IsEmpty = false,
            WrapperToProto = WrapperToProto(type, conversion, keyConversion),
            WrapperFromProto = WrapperFromProto(type, conversion, keyConversion),
        };
    }

    /// <summary>The wrapper's initializer of <c>Value</c> from <c>value</c>: an assignment, or the items a repeated or map field adds.</summary>
    private static string WrapperToProto(TypeRefModel type, ProtoConversion conversion, ProtoConversion keyConversion) => type.Kind switch
    {
        TypeKind.Array when conversion.IsIdentity => "Value = { value }",
        TypeKind.Array => $"Value = {{ value.Select(static item => {conversion.ToProtoPrefix}item{conversion.ToProtoSuffix}) }}",
        TypeKind.Map => $"Value = {{ value.ToDictionary(static entry => {keyConversion.ToProtoPrefix}entry.Key{keyConversion.ToProtoSuffix}, static entry => {conversion.ToProtoPrefix}entry.Value{conversion.ToProtoSuffix}) }}",
        _ => $"Value = {conversion.ToProtoPrefix}value{conversion.ToProtoSuffix}",
    };

    /// <summary>The wrapper's value read back from <c>message.Value</c>.</summary>
    private static string WrapperFromProto(TypeRefModel type, ProtoConversion conversion, ProtoConversion keyConversion) => type.Kind switch
    {
        TypeKind.Array when conversion.IsIdentity => "[.. message.Value]",
        TypeKind.Array => $"[.. message.Value.Select(static item => {conversion.FromProtoPrefix}item{conversion.FromProtoSuffix})]",
        TypeKind.Map => $"message.Value.ToDictionary(static entry => {keyConversion.FromProtoPrefix}entry.Key{keyConversion.FromProtoSuffix}, static entry => {conversion.FromProtoPrefix}entry.Value{conversion.FromProtoSuffix})",
        _ => $"{conversion.FromProtoPrefix}message.Value{conversion.FromProtoSuffix}",
    };

    /// <summary>A message carrying a record's attributes as fields, numbered as the design numbers them.</summary>
    public ProtoMessageModel ForRecord(string name, TypeModel record, string toProtoMethod)
    {
        var type = objectsByRecord[record.Name];
        var fieldNames = names.Record(type).ProtoFields;
        // A credential travels in the call's metadata (its scheme's header), not as a field: FromProto takes it from the server.
        var credentials = record.Properties.Where(p => type.Attributes[p.JsonName].Credential is not null).ToList();
        var fields = record.Properties.Where(p => type.Attributes[p.JsonName].Credential is null)
            .Select(property => Field(property, fieldNames[property.JsonName], type.Attributes[property.JsonName].Field!.Value, name)).ToList();
        return new ProtoMessageModel
        {
            Name = name,
            CSharpName = CSharpName(name),
            Description = record.Description,
            Fields = fields,
            RecordTypeName = record.Name,
            IsWrapper = false,
            ToProtoMethod = toProtoMethod,
            WrapperToProto = null,
            WrapperFromProto = null,
            Credentials = credentials,
            // A record without attributes still converts (to and from an empty message): only a method's missing payload or result has no value.
            IsEmpty = false,
        };
    }

    private ProtoFieldModel Field(PropertyModel property, string fieldName, long number, string messageName)
    {
        var type = property.Type;
        var isScalar = (type.Kind == TypeKind.Primitive && !type.IsAny) || type.IsEnum;
        var optional = isScalar && (property.IsNullable || property.HasDefault);
        return new ProtoFieldModel
        {
            Name = fieldName,
            Number = (int)number,
            Type = type,
            ProtoType = ProtoType(type),
            Label = type.IsArray ? "repeated " : optional ? "optional " : "",
            CSharpName = ProtoNaming.CSharpPropertyName(fieldName, messageName),
            Description = property.Description,
            IsRepeated = type.IsArray,
            IsMap = type.IsMap,
            HasPresenceFlag = optional,
            IsMessage = type.Kind is TypeKind.Record || type.IsAny,
            Property = property,
            Conversion = Conversion(type.Element ?? type),
            KeyConversion = type.Key is { } key ? Conversion(key) : ProtoConversion.Identity,
        };
    }

    /// <summary>How one value of <paramref name="type"/> (a field, or an item of one) converts, by kind.</summary>
    private ProtoConversion Conversion(TypeRefModel type) => type switch
    {
        { IsEnum: true } => new($"({CSharpName(type.Enum!.Proto!.Name)})", "", $"({type.TypeName})", ""),
        { Kind: TypeKind.Record } => new("ToProto(", ")", "FromProto(", ")"),
        { IsAny: true } => new("ToProto(", ")", "FromProto(", ")"),
        { Primitive: Design.Types.PrimitiveKind.Bytes } => new("Protobuf::ByteString.CopyFrom(", ")", "", ".ToByteArray()"),
        _ => ProtoConversion.Identity,
    };

    /// <summary>The .proto spelling of a type, by kind (the element type for a list: its label says repeated).</summary>
    private string ProtoType(TypeRefModel type) => type.Kind switch
    {
        TypeKind.Array => ProtoType(type.Element!),
        TypeKind.Map => $"map<{ProtoType(type.Key!)}, {ProtoType(type.Element!)}>",
        TypeKind.Record => names.SharedMessages[objectsByRecord[type.RecordName!]],
        TypeKind.Enum => type.Enum!.Proto!.Name,
        _ => PrimitiveForm.Of(type.Primitive!.Value).ProtoType,
    };

    /// <summary>A protoc-generated type as the generated files write it, through the API namespace's child namespace.</summary>
    private static string CSharpName(string message) => $"Protos.{message}";
}
