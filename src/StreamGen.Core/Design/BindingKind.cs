namespace StreamGen.Design;

/// <summary>The binder's rules for a property's type (see <see cref="BindingShape"/>).</summary>
internal enum BindingKind
{
    /// <summary>A <see cref="DesignValue"/>: the syntax node kept as written, read later against the attribute's type.</summary>
    Value,

    /// <summary>A design class, bound key by key.</summary>
    Element,

    /// <summary>A <see cref="List{T}"/> from a sequence.</summary>
    List,

    /// <summary>An <see cref="OrderedDictionary{TKey, TValue}"/> from a mapping, in the file's order.</summary>
    Map,

    /// <summary>A string, boolean, integer or number.</summary>
    Scalar,
}
