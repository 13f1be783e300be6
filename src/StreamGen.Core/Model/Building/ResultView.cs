namespace StreamGen.Model.Building;

/// <summary>
/// A view of a result type and the attributes it renders, in order. A class, not a value tuple: lists and LINQ over value
/// tuples are generic code over structs that ReadyToRun cannot precompile.
/// </summary>
internal sealed record ResultView(string Name, List<string> Attributes);
