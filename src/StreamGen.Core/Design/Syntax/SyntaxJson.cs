using System.Text.Json.Nodes;

namespace StreamGen.Design.Syntax;

/// <summary>The JSON form of a syntax node, with scalars typed by their resolved kind (for schema checks and Any literals).</summary>
public static class SyntaxJson
{
    public static JsonNode? ToNode(SyntaxNode node) => node switch
    {
        MappingNode mapping => new JsonObject(mapping.Entries
            .GroupBy(e => e.Key.Value, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, ToNode(g.Last().Value)))),
        SequenceNode sequence => new JsonArray(sequence.Items.Select(ToNode).ToArray()),
        ScalarNode { Kind: ScalarKind.Null } => null,
        ScalarNode { Kind: ScalarKind.Boolean } s => JsonValue.Create(s.TryGetBoolean(out var b) && b),
        ScalarNode { Kind: ScalarKind.Integer } s when s.TryGetInt64(out var l) => JsonValue.Create(l),
        ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } s when s.TryGetDouble(out var d) && double.IsFinite(d) => JsonValue.Create(d),
        ScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    public static string ToJson(SyntaxNode node) => ToNode(node)?.ToJsonString() ?? "null";
}
