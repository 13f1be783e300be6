using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>Resolves a design type expression to its C# type, by kind, with the names the name pass gave records.</summary>
internal sealed class TypeRefFactory(ModelContext context, ModelNames names)
{
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
                    TypeName = form.CSharpType, ShortTypeName = form.ShortCSharpType, JsonInfoName = form.RuntimeName,
                };
            case ArrayTypeExpression array:
                var element = Of(array.Element);
                return new TypeRefModel
                {
                    Kind = TypeKind.Array, Primitive = null, RecordName = null,
                    TypeName = $"global::System.Collections.Generic.IReadOnlyList<{element.TypeName}>", ShortTypeName = $"IReadOnlyList<{element.ShortTypeName}>",
                    JsonInfoName = "ArrayOf" + element.JsonInfoName, Element = element,
                };
            case MapTypeExpression map:
                var key = Of(map.Key);
                var value = Of(map.Value);
                return new TypeRefModel
                {
                    Kind = TypeKind.Map, Primitive = null, RecordName = null,
                    TypeName = $"global::System.Collections.Generic.IReadOnlyDictionary<{key.TypeName}, {value.TypeName}>",
                    ShortTypeName = $"IReadOnlyDictionary<{key.ShortTypeName}, {value.ShortTypeName}>",
                    JsonInfoName = "MapOf" + key.JsonInfoName + value.JsonInfoName, Element = value, Key = key,
                };
            default:
                var record = names.Record(context.Index.ObjectOf(type)!);
                return new TypeRefModel
                {
                    Kind = TypeKind.Record, Primitive = null, RecordName = record.Name,
                    TypeName = $"global::{context.Namespace}.{record.Name}", ShortTypeName = record.Name, JsonInfoName = record.JsonInfo,
                };
        }
    }
}
