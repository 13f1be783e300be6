namespace StreamGen.Model.Building;

/// <summary>Design descriptions as doc-comment text.</summary>
internal static class Docs
{
    /// <summary>Description text as doc-comment lines (XML-escaped, one per source line).</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select(line => EscapeXml(line.TrimEnd()))
                .ToList();

    /// <summary>Doc comments are XML: only &amp;, &lt; and &gt; need escaping in text.</summary>
    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
