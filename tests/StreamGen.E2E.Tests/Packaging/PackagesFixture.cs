using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// StreamGen's packages as users get them, packed once for the tests that install them: `dotnet pack src/StreamGen.Cli`
/// makes the tool (StreamGen) and, next to it, the build-time package (StreamGen.MSBuild); `dotnet pack
/// src/StreamGen.Runtime` makes the runtime package that projects generated with `--runtime package` reference. The build is isolated
/// (--artifacts-path) and the version unique to this run (0.1.0-e2e.N), so that no package cache can hand a test an
/// older package of the same version; each project restores into its own package folder, falling back on the machine's
/// for public packages (Grpc.AspNetCore) so nothing is downloaded twice.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "streamgen-packages", Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyMMddHHmmss}";

    public string PackOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "StreamGen.Runtime", "StreamGen.Runtime.Redis", "StreamGen.Cli" })
        {
            var pack = await DotnetCli.RunAsync(
                Node.RepositoryRoot,
                new Dictionary<string, string>(),
                "pack", Path.Combine(Node.RepositoryRoot, "src", project), "-c", "Release", "-o", Feed,
                "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={Version}", "-nodeReuse:false", "--nologo");
            Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed:\n{pack.Output}");
            PackOutput += pack.Output;
        }
    }

    /// <summary>A new folder for one test's projects, with a nuget.config that finds the packed packages.</summary>
    public string NewWorkspace(string name)
    {
        var workspace = Path.Combine(Root, name);
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="streamgen" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return workspace;
    }

    /// <summary>The environment of every process in a workspace: its own package folder.</summary>
    public IReadOnlyDictionary<string, string> Environment(string workspace) =>
        new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(workspace, ".packages") };

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the system.
        }

        return Task.CompletedTask;
    }

    private static string MachinePackages =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

/// <summary>
/// Tests that install the packed packages share one pack. Packing and building take both cores for a minute: these tests
/// run alone, after the others, so tests with timing deadlines (pong deadlines, keep-alives) are not starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packages";
}
