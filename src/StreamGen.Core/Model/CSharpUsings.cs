namespace StreamGen.Model;

/// <summary>The using directives of a generated file, as the .NET convention orders them: System's namespaces first, then the others, each alphabetically.</summary>
public static class CSharpUsings
{
    public static IReadOnlyList<string> Of(params IEnumerable<string>[] namespaces) =>
        namespaces.SelectMany(n => n)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n == "System" || n.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
}
