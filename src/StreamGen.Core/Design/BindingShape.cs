namespace StreamGen.Design;

/// <summary>
/// How the binder fills a property of one .NET type, worked out once per type rather than by reflection at every value:
/// a 1,000-method design binds ~100,000 values, and asking a generic type for its arguments allocates each time.
/// </summary>
/// <param name="Type">The type without <see cref="Nullable{T}"/>.</param>
/// <param name="Kind">Which binding rule applies.</param>
/// <param name="ItemType">A list's items or a map's values; null for the other kinds.</param>
internal sealed record BindingShape(Type Type, BindingKind Kind, Type? ItemType)
{
    public static BindingShape Of(Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(DesignValue))
        {
            return new BindingShape(type, BindingKind.Value, null);
        }

        if (typeof(DesignElement).IsAssignableFrom(type))
        {
            return new BindingShape(type, BindingKind.Element, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return new BindingShape(type, BindingKind.List, type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>))
        {
            return new BindingShape(type, BindingKind.Map, type.GetGenericArguments()[1]);
        }

        return new BindingShape(type, BindingKind.Scalar, null);
    }
}
