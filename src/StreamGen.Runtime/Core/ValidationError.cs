namespace StreamGen.Runtime;

/// <summary>One broken rule: Goa's error name, the field path and what is wrong.</summary>
public sealed record ValidationError(string Name, string Field, string Detail)
{
    public override string ToString() => $"\"{Field}\" {Detail}";
}
