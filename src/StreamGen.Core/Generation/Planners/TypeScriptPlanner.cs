using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The TypeScript client (<c>gen --typescript DIR</c>): the runtime and the API's module. Planned under gen/ as the
/// generated folder is; the writer puts that folder at DIR and, as gen/, replaces it whole.
/// </summary>
public static class TypeScriptPlanner
{
    /// <summary>The header every TypeScript file starts with.</summary>
    private const string HeaderTemplate = "typescript/_partials/header.sbn";

    public static IReadOnlyList<OutputFile> Plan(ApiModel api) =>
    [
        File(api.TypeScript.RuntimeFileName, "typescript-runtime", "typescript/streamgen.ts.sbn", api),
        File(api.TypeScript.FileName, "typescript-module", "typescript/module.ts.sbn", api),
    ];

    /// <summary>A TypeScript file: the shared header section, then the file's own section.</summary>
    private static OutputFile File(string fileName, string sectionName, string templatePath, ApiModel api) =>
        new($"{OutputWriter.GeneratedFolder}/{fileName}", [new Section("header", HeaderTemplate, api.TypeScript), new Section(sectionName, templatePath, api.TypeScript)], Ownership.Generated);
}
