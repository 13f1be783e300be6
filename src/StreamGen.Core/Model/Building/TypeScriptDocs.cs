namespace StreamGen.Model.Building;

/// <summary>Design descriptions as JSDoc lines.</summary>
internal static class TypeScriptDocs
{
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => Escape(line.TrimEnd())).ToList();

    /// <summary>A comment ends at <c>*/</c>: that one sequence is broken up.</summary>
    public static string Escape(string text) => text.Replace("*/", "*\\/", StringComparison.Ordinal);
}
