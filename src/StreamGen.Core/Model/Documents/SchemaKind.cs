namespace StreamGen.Model.Documents;

/// <summary>What a JSON Schema describes: a JSON type, any value, a component it refers to, or one of several schemas.</summary>
public enum SchemaKind
{
    /// <summary>Goa's Any: the empty schema, any JSON value.</summary>
    Any,
    Boolean,
    Integer,
    Number,
    String,
    Array,

    /// <summary>Goa's MapOf: an object whose properties are the map's entries.</summary>
    Map,
    Object,

    /// <summary>The JSON value null (the end-of-stream message).</summary>
    Null,

    /// <summary>A component schema, by name (<see cref="SchemaModel.Reference"/>).</summary>
    Reference,

    /// <summary>A value valid against any of <see cref="SchemaModel.AnyOf"/> (a result streamed in a view the server chooses).</summary>
    AnyOf,
}
