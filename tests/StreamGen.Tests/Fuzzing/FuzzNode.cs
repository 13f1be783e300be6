namespace StreamGen.Tests.Fuzzing;

/// <summary>
/// A YAML node the mutator can break in ways a YAML library's own model cannot hold: duplicate keys, anchors and
/// aliases anywhere, merge keys, non-scalar keys. Mutable on purpose: a mutation edits a copy in place.
/// </summary>
internal abstract class FuzzNode
{
    public string? Anchor { get; set; }

    public abstract FuzzNode Clone();
}

internal sealed class FuzzScalar(string value, bool quoted = false) : FuzzNode
{
    public string Value { get; set; } = value;

    /// <summary>Written double-quoted (a string) rather than plain (which YAML may read as a number, bool or null).</summary>
    public bool Quoted { get; set; } = quoted;

    public override FuzzNode Clone() => new FuzzScalar(Value, Quoted) { Anchor = Anchor };
}

internal sealed class FuzzMap(List<KeyValuePair<FuzzNode, FuzzNode>> entries) : FuzzNode
{
    public List<KeyValuePair<FuzzNode, FuzzNode>> Entries { get; } = entries;

    public override FuzzNode Clone() => new FuzzMap(Entries.Select(e => new KeyValuePair<FuzzNode, FuzzNode>(e.Key.Clone(), e.Value.Clone())).ToList()) { Anchor = Anchor };
}

internal sealed class FuzzSequence(List<FuzzNode> items) : FuzzNode
{
    public List<FuzzNode> Items { get; } = items;

    public override FuzzNode Clone() => new FuzzSequence(Items.Select(i => i.Clone()).ToList()) { Anchor = Anchor };
}

/// <summary><c>*name</c>: refers to the node anchored <c>&amp;name</c> (or to none: that is a mutation too).</summary>
internal sealed class FuzzAlias(string name) : FuzzNode
{
    public string Name { get; } = name;

    public override FuzzNode Clone() => new FuzzAlias(Name);
}
