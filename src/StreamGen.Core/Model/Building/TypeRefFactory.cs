using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// Resolves a design type expression to its C# type, by kind, with the names the name pass gave records and enums. Every
/// generated file is in the API's namespace, so its records and enums are written by name; what comes from other
/// namespaces says which (<see cref="TypeRefModel.Namespaces"/>), for the file's usings.
/// </summary>
internal sealed class TypeRefFactory(ModelContext context, ModelNames names, IReadOnlyDictionary<EnumNames, EnumModel> enums)
{
    private const string Collections = "System.Collections.Generic";

    /// <summary>The C# type of an attribute: its design enum for a string attribute with <c>enum:</c> values, else its type's.</summary>
    public TypeRefModel Of(DesignAttribute attribute, string name) =>
        names.EnumOf(attribute) is { } enumNames
            ? new TypeRefModel
            {
                Kind = TypeKind.Enum, Primitive = null, RecordName = null, Enum = enums[enumNames],
                TypeName = enumNames.Name, Namespaces = [], JsonInfoName = enumNames.Name,
            }
            : Of(context.TypeOf(attribute, name));

    /// <summary>The C# type of a type expression (non-nullable form; callers add '?').</summary>
    public TypeRefModel Of(TypeExpression type)
    {
        switch (type)
        {
            case PrimitiveTypeExpression primitive:
                var form = PrimitiveForm.Of(primitive.Kind);
                return new TypeRefModel
                {
                    Kind = TypeKind.Primitive, Primitive = PrimitiveForm.Normalize(primitive.Kind), RecordName = null,
                    TypeName = form.CSharpType, Namespaces = primitive.Kind == PrimitiveKind.Any ? ["System.Text.Json"] : [], JsonInfoName = form.RuntimeName,
                };
            case ArrayTypeExpression array:
                var element = Of(array.Element);
                return new TypeRefModel
                {
                    Kind = TypeKind.Array, Primitive = null, RecordName = null,
                    TypeName = $"IReadOnlyList<{element.TypeName}>", Namespaces = [Collections, .. element.Namespaces],
                    JsonInfoName = "ArrayOf" + element.JsonInfoName, Element = element,
                };
            case MapTypeExpression map:
                var key = Of(map.Key);
                var value = Of(map.Value);
                return new TypeRefModel
                {
                    Kind = TypeKind.Map, Primitive = null, RecordName = null,
                    TypeName = $"IReadOnlyDictionary<{key.TypeName}, {value.TypeName}>", Namespaces = [Collections, .. key.Namespaces, .. value.Namespaces],
                    JsonInfoName = "MapOf" + key.JsonInfoName + value.JsonInfoName, Element = value, Key = key,
                };
            default:
                var record = names.Record(context.Index.ObjectOf(type)!);
                return new TypeRefModel
                {
                    Kind = TypeKind.Record, Primitive = null, RecordName = record.Name,
                    TypeName = record.Name, Namespaces = [], JsonInfoName = record.JsonInfo,
                };
        }
    }
}
