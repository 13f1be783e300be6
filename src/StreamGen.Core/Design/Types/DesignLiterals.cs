using StreamGen.Design.Syntax;

namespace StreamGen.Design.Types;

/// <summary>
/// Reads a literal written in the design (<c>default</c>, <c>enum</c>, <c>example</c>) as a value of an attribute's type:
/// <see cref="bool"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="double"/>, <see cref="string"/>, or lists of those.
/// Validation reports what does not fit; the model builder turns what fits into C# literals.
/// </summary>
public static class DesignLiterals
{
    public static bool TryRead(TypeExpression type, SyntaxNode node, out object? value, out string error)
    {
        value = null;
        error = "";
        switch (type)
        {
            case PrimitiveTypeExpression primitive:
                return TryReadPrimitive(primitive.Kind, node, out value, out error);
            case ArrayTypeExpression array when node is SequenceNode sequence:
            {
                var items = new List<object?>();
                foreach (var item in sequence.Items)
                {
                    if (!TryRead(array.Element, item, out var element, out error))
                    {
                        return false;
                    }

                    items.Add(element);
                }

                value = items;
                return true;
            }

            case MapTypeExpression map when node is MappingNode mapping:
            {
                var entries = new List<KeyValuePair<object?, object?>>();
                foreach (var (key, entryValue) in mapping.Entries)
                {
                    var keyNode = map.Key is PrimitiveTypeExpression { Kind: PrimitiveKind.String } ? new ScalarNode(key.Span, key.Value, ScalarKind.String) : key;
                    if (!TryRead(map.Key, keyNode, out var k, out error) || !TryRead(map.Value, entryValue, out var v, out error))
                    {
                        return false;
                    }

                    entries.Add(new(k, v));
                }

                value = entries;
                return true;
            }

            case ArrayTypeExpression:
                error = $"expected a sequence, found {node.KindDescription}";
                return false;
            case MapTypeExpression:
                error = $"expected a mapping, found {node.KindDescription}";
                return false;
            default:
                error = "literals of object types are not supported";
                return false;
        }
    }

    private static bool TryReadPrimitive(PrimitiveKind kind, SyntaxNode node, out object? value, out string error)
    {
        value = null;
        error = "";
        if (kind == PrimitiveKind.Any)
        {
            value = node;
            return true;
        }

        if (node is not ScalarNode scalar)
        {
            error = $"expected a {kind} scalar, found {node.KindDescription}";
            return false;
        }

        switch (kind)
        {
            case PrimitiveKind.Boolean when scalar.TryGetBoolean(out var flag):
                value = flag;
                return true;
            case PrimitiveKind.String or PrimitiveKind.Bytes when scalar.Kind == ScalarKind.String:
                if (kind == PrimitiveKind.Bytes && !IsBase64(scalar.Value))
                {
                    error = "Bytes literals are base64 strings";
                    return false;
                }

                value = scalar.Value;
                return true;
            case PrimitiveKind.Float32 or PrimitiveKind.Float64 when scalar.TryGetDouble(out var number):
                value = number;
                return true;
            case PrimitiveKind.UInt64 when scalar.Kind == ScalarKind.Integer && ulong.TryParse(scalar.Value.TrimStart('+'), out var unsigned):
                value = unsigned;
                return true;
            case var integer when integer.IsInteger() && scalar.TryGetInt64(out var whole):
                var (min, max) = RangeOf(integer);
                if (whole < min || whole > max)
                {
                    error = $"{whole} is outside the range of {kind} ({min}..{max})";
                    return false;
                }

                value = whole;
                return true;
            default:
                error = $"expected a {kind}, found {scalar.KindDescription} '{scalar.Value}'";
                return false;
        }
    }

    /// <summary>The range of each integer kind, as C# maps it (Int and Int32 to int, UInt and UInt32 to uint).</summary>
    public static (long Min, long Max) RangeOf(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Int or PrimitiveKind.Int32 => (int.MinValue, int.MaxValue),
        PrimitiveKind.UInt or PrimitiveKind.UInt32 => (0, uint.MaxValue),
        PrimitiveKind.UInt64 => (0, long.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
