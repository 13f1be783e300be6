namespace StreamGen.Design.Syntax;

/// <summary>
/// The node a YAML anchor names and how many nodes it counts for once its own aliases are expanded. A class, not a value
/// tuple: a Dictionary over a struct value is generic code that ReadyToRun cannot precompile.
/// </summary>
internal sealed record AnchoredNode(SyntaxNode Node, long Size);
