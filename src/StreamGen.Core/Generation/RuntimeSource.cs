namespace StreamGen.Generation;

/// <summary>One file of the StreamGen.Runtime library as embedded in the tool: its path in the library (<c>Http/HttpErrors.cs</c>), area and text.</summary>
public sealed record RuntimeSource(string Path, RuntimeArea Area, string Text)
{
    /// <summary>Where the copy goes in a generated project: <c>gen/Runtime/Http/HttpErrors.g.cs</c>.</summary>
    public string OutputPath => $"gen/Runtime/{Path[..^".cs".Length]}.g.cs";
}
