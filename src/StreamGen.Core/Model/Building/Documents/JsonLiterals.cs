using System.Globalization;
using System.Text.Json.Nodes;
using StreamGen.Design;
using StreamGen.Design.Syntax;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building.Documents;

/// <summary>Design literals (<c>default</c>, <c>example</c>, <c>enum</c> items) and numeric bounds as JSON text, for the documents' schemas.</summary>
internal static class JsonLiterals
{
    /// <summary>
    /// The literal as a JSON value of the attribute's type; null when it does not fit (validation has said so) or JSON
    /// cannot write it (a NaN or infinite number, which C# can default to but no JSON document can state).
    /// </summary>
    public static string? Of(TypeExpression type, DesignValue value) =>
        DesignLiterals.TryRead(type, value.Node, out var read, out _) && IsJson(read) ? Node(read)?.ToJsonString() ?? "null" : null;

    /// <summary>A bound as a JSON number: integral values without a fraction (<c>9000000000</c>, not <c>9E+09</c>); null for NaN or an infinity.</summary>
    public static string? Number(double value) =>
        !double.IsFinite(value) ? null
        : value >= long.MinValue && value < 9.223372036854775808e18 && Math.Floor(value) == value ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A string literal as JSON text.</summary>
    public static string String(string value) => JsonValue.Create(value).ToJsonString();

    /// <summary>A literal as a path parameter carries it: its text, unquoted.</summary>
    public static string? Text(TypeExpression type, DesignValue value) =>
        DesignLiterals.TryRead(type, value.Node, out var read, out _) && read is not null and not SyntaxNode && IsJson(read) ? Node(read)?.ToString() : null;

    private static bool IsJson(object? value) => value switch
    {
        double number => double.IsFinite(number),
        List<object?> items => items.All(IsJson),
        List<KeyValuePair<object?, object?>> entries => entries.All(e => IsJson(e.Value)),
        _ => true,
    };

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        bool flag => JsonValue.Create(flag),
        long whole => JsonValue.Create(whole),
        ulong unsigned => JsonValue.Create(unsigned),
        double number => JsonValue.Create(number),
        string text => JsonValue.Create(text),
        SyntaxNode node => SyntaxJson.ToNode(node),
        List<object?> items => new JsonArray(items.Select(Node).ToArray()),
        List<KeyValuePair<object?, object?>> entries => new JsonObject(entries.Select(e => KeyValuePair.Create(Key(e.Key), Node(e.Value)))),
        _ => throw new InvalidOperationException($"No JSON form for {value.GetType()}."),
    };

    /// <summary>A map key as JSON writes it: the key's text (<c>{"1": …}</c> for an integer key).</summary>
    private static string Key(object? key) => key switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "",
    };
}
