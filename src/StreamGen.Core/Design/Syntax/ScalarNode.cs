using System.Globalization;
using StreamGen.Diagnostics;

namespace StreamGen.Design.Syntax;

public sealed class ScalarNode(SourceSpan span, string value, ScalarKind kind) : SyntaxNode(span)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    public override string KindDescription => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Integer => "an integer",
        ScalarKind.Float => "a number",
        _ => "a string",
    };

    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (Kind != ScalarKind.Integer)
        {
            return false;
        }

        var text = Value.StartsWith('+') ? Value[1..] : Value;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                value = Convert.ToInt64(text[2..], 8);
                return true;
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetDouble(out double value)
    {
        if (TryGetInt64(out var integer))
        {
            value = integer;
            return true;
        }

        value = 0;
        if (Kind == ScalarKind.Integer)
        {
            // Beyond Int64 (a UInt64 bound such as 18446744073709551615) a decimal integer is still a number.
            return double.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        if (Kind != ScalarKind.Float)
        {
            return false;
        }

        switch (Value.TrimStart('+'))
        {
            case ".inf" or ".Inf" or ".INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    public bool TryGetBoolean(out bool value)
    {
        value = Kind == ScalarKind.Boolean && Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        return Kind == ScalarKind.Boolean;
    }
}
