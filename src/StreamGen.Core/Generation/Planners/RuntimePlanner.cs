using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The host that starts Kestrel and the MSBuild props the project imports. The runtime itself is not rendered from
/// templates: it is the StreamGen.Runtime library, copied as source by <see cref="RuntimeSources"/> or referenced as a package.
/// </summary>
internal static class RuntimePlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        yield return FilePlanner.CSharp($"{api.TypeStem}Server.g.cs", "host", "csharp/host/server.cs.sbn", api);
        if (api.Security is { } security)
        {
            yield return FilePlanner.CSharp($"{security.ClassName}.g.cs", "security", "csharp/host/security.cs.sbn", security);
        }

        yield return new OutputFile("gen/StreamGen.props", [new Section("props", "msbuild/generated.props.sbn", api)], Ownership.Generated);
    }
}
