namespace StreamGen.Runtime;

/// <summary>How a generated command-line client prints results (<c>--format</c>).</summary>
public enum CliOutputFormat
{
    /// <summary>One JSON value a line (JSON Lines): each result or stream item as soon as it arrives, for <c>jq</c> and pipes.</summary>
    Json,

    /// <summary>Aligned columns, one row per object (the items of a result holding one array, e.g. <c>entries</c>).</summary>
    Table,
}
