namespace StreamGen.Design;

/// <summary>
/// A verb of a method's <c>http</c> mapping and the path written for it. A class, not a value tuple: LINQ over value
/// tuples is generic code over structs that ReadyToRun cannot precompile.
/// </summary>
public sealed record DesignRoute(HttpVerb Verb, string Path);
