using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>One file per record and per design enum, and the System.Text.Json context.</summary>
internal static class TypesPlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        foreach (var type in api.Types)
        {
            yield return FilePlanner.CSharp(type.FileName, "record", "csharp/types/record.cs.sbn", type);
        }

        foreach (var enumModel in api.Enums)
        {
            yield return FilePlanner.CSharp(enumModel.FileName, "enum", "csharp/types/enum.cs.sbn", enumModel);
        }

        yield return FilePlanner.CSharp($"{api.Json.ClassName}.g.cs", "json-context", "csharp/types/json_context.cs.sbn", api.Json);
    }
}
