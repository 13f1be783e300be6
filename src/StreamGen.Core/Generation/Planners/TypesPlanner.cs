using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>One file per record, and the System.Text.Json context.</summary>
internal static class TypesPlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        foreach (var type in api.Types)
        {
            yield return FilePlanner.CSharp(type.FileName, "record", "csharp/types/record.cs.sbn", type);
        }

        yield return FilePlanner.CSharp($"{api.Json.ClassName}.g.cs", "json-context", "csharp/types/json_context.cs.sbn", api.Json);
    }
}
