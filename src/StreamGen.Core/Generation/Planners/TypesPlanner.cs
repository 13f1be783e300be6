using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>One file per record and per design enum, and the System.Text.Json context (when a type crosses a wire as JSON).</summary>
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

        // A context without a [JsonSerializable] entry is not a context (the source generator leaves it abstract), and
        // nothing refers to it when no type crosses a wire as JSON (no methods, or only raw bodies).
        if (api.Json.Entries.Count > 0)
        {
            yield return FilePlanner.CSharp($"{api.Json.ClassName}.g.cs", "json-context", "csharp/types/json_context.cs.sbn", api.Json);
        }
    }
}
