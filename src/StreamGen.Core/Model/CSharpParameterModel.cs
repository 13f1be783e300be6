namespace StreamGen.Model;

/// <summary>A parameter of a generated C# method: its type, its name, and its default value as C# (<c>default</c>), if any.</summary>
public sealed record CSharpParameterModel(string TypeName, string Name, string? DefaultValue = null)
{
    public bool HasDefault => DefaultValue is not null;
}
