using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>User-owned files, created only when absent: the project, Program.cs and one implementation stub per service.</summary>
internal static class ScaffoldPlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        yield return new OutputFile(api.Project.FileName, [new Section("project", "scaffold/project.csproj.sbn", api)], Ownership.Scaffold);
        yield return new OutputFile("Program.cs", [new Section("program", "scaffold/program.cs.sbn", api)], Ownership.Scaffold);
        foreach (var service in api.Services)
        {
            yield return new OutputFile(service.ScaffoldFileName, [new Section("service-stub", "scaffold/service.cs.sbn", service)], Ownership.Scaffold);
            foreach (var side in service.Interception?.Sides ?? [])
            {
                yield return new OutputFile($"{side.StubName}.cs", [new Section("interceptors-stub", "scaffold/interceptors.cs.sbn", side)], Ownership.Scaffold);
            }
        }

        foreach (var scheme in api.Security?.HandlerSchemes ?? [])
        {
            yield return new OutputFile($"{scheme.HandlerName}.cs", [new Section("authentication-handler", "scaffold/authentication_handler.cs.sbn", scheme)], Ownership.Scaffold);
        }
    }

    /// <summary>The kind of a user file, from the name <see cref="Plan"/> gives it.</summary>
    public static ScaffoldKinds KindOf(string relativePath) =>
        relativePath.EndsWith(".csproj", StringComparison.Ordinal) ? ScaffoldKinds.Project
        : relativePath == "Program.cs" ? ScaffoldKinds.Program
        : ScaffoldKinds.Service;
}
