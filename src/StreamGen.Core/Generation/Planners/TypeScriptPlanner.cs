using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The TypeScript client (<c>gen --typescript DIR</c>): the runtime and the API's module. Planned under gen/ as the
/// generated folder is; the writer puts that folder at DIR and, as gen/, replaces it whole.
/// </summary>
public static class TypeScriptPlanner
{
    public static IReadOnlyList<OutputFile> Plan(ApiModel api) =>
    [
        new($"{OutputWriter.GeneratedFolder}/{api.TypeScript.RuntimeFileName}", [new Section("typescript-runtime", "typescript/streamgen.ts.sbn", api.TypeScript)], Ownership.Generated),
        new($"{OutputWriter.GeneratedFolder}/{api.TypeScript.FileName}", [new Section("typescript-module", "typescript/module.ts.sbn", api.TypeScript)], Ownership.Generated),
    ];
}
