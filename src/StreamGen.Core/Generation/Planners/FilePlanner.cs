using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>Every file of a run, from each planner, in a fixed order.</summary>
public static class FilePlanner
{
    public static IReadOnlyList<OutputFile> Plan(ApiModel api) =>
        TypesPlanner.Plan(api)
            .Concat(ServicePlanner.Plan(api))
            .Concat(HttpPlanner.Plan(api))
            .Concat(GrpcPlanner.Plan(api))
            .Concat(RuntimePlanner.Plan(api))
            .Concat(ScaffoldPlanner.Plan(api))
            .ToList();

    /// <summary>The header every generated C# file starts with.</summary>
    internal const string HeaderTemplate = "csharp/_partials/header.sbn";

    /// <summary>The header of the runtime files copied into gen/Runtime (they come from the library, not from a template).</summary>
    internal const string RuntimeHeaderTemplate = "csharp/_partials/runtime_header.sbn";

    /// <summary>A generated C# file: the shared header section, then the file's own section.</summary>
    internal static OutputFile CSharp(string relativePath, string sectionName, string templatePath, object model) =>
        new($"gen/{relativePath}", [new Section("header", HeaderTemplate, model), new Section(sectionName, templatePath, model)], Ownership.Generated);
}
