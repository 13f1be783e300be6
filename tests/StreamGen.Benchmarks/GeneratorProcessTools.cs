using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace StreamGen.Benchmarks;

/// <summary>
/// Finds or makes the programs the gen-process scenario runs: streamgen published as its tool package ships it
/// (framework-dependent, ReadyToRun for this platform), the same without ReadyToRun (the JIT does everything), the
/// solution's own build (for the quick smoke run), and protoc with grpc_csharp_plugin from the Grpc.Tools package the
/// benchmark project restores (the version in Directory.Packages.props).
/// </summary>
internal static partial class GeneratorProcessTools
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The repository root (the folder of StreamGen.sln above this program).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>streamgen.dll of the solution's build in this configuration (what dotnet test StreamGen.sln builds), or null.</summary>
    public static string? SolutionBuild()
    {
        var dll = Path.Combine(RepositoryRoot, "src", "StreamGen.Cli", "bin", Configuration, "net10.0", "streamgen.dll");
        return File.Exists(dll) ? dll : null;
    }

    /// <summary>
    /// Publishes the tool for this platform into artifacts/benchmarks/gen-process/<paramref name="name"/> with the tool
    /// project's own settings plus <paramref name="properties"/>, and returns its streamgen.dll (or the published
    /// executable, for Native AOT); null when publishing failed (the reason is printed).
    /// </summary>
    public static string? Publish(string name, params string[] properties)
    {
        var output = Path.Combine(RepositoryRoot, "artifacts", "benchmarks", "gen-process", name);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Each variant compiles from a clean intermediate folder: an incremental publish can keep the ReadyToRun output of
        // the variant before it (a composite's component stubs, say, without their composite image).
        var intermediate = Path.Combine(RepositoryRoot, "src", "StreamGen.Cli", "obj", "Release", "net10.0", RuntimeInformation.RuntimeIdentifier);
        if (Directory.Exists(intermediate))
        {
            Directory.Delete(intermediate, recursive: true);
        }

        string[] arguments =
        [
            "publish", Path.Combine(RepositoryRoot, "src", "StreamGen.Cli", "StreamGen.Cli.csproj"), "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, "-o", output, "-nologo", "-v:q", .. properties.Select(p => "-p:" + p),
        ];
        var publish = GeneratorProcessRun.Time("dotnet", arguments);
        if (publish.ExitCode != 0)
        {
            Console.WriteLine($"  dotnet {string.Join(' ', arguments)} failed ({publish.ExitCode}):");
            Console.WriteLine(string.Join('\n', publish.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(10)));
            return null;
        }

        var dll = Path.Combine(output, "streamgen.dll");
        var native = Path.Combine(output, OperatingSystem.IsWindows() ? "streamgen.exe" : "streamgen");
        return File.Exists(dll) ? dll : File.Exists(native) ? native : null;
    }

    /// <summary>How many bytes the files of a published folder take (what the tool package unpacks to).</summary>
    public static long FolderBytes(string file) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(file)!, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>protoc, grpc_csharp_plugin and the well-known types' include folder of the restored Grpc.Tools package.</summary>
    public static (string Protoc, string Plugin, string Include) Protoc()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        var version = GrpcToolsVersion().Match(props) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("Directory.Packages.props has no Grpc.Tools version.");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.Combine(packages, "grpc.tools", version);
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
        var arch = os == "macosx" ? "universal" : RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var exe = OperatingSystem.IsWindows() ? ".exe" : "";
        var tools = Path.Combine(root, "tools", $"{os}_{arch}");
        var protoc = Path.Combine(tools, "protoc" + exe);
        if (!File.Exists(protoc))
        {
            throw new InvalidOperationException($"{protoc} is missing: restore tests/StreamGen.Benchmarks (it references Grpc.Tools {version}).");
        }

        return (protoc, Path.Combine(tools, "grpc_csharp_plugin" + exe), Path.Combine(root, "build", "native", "include"));
    }

    [GeneratedRegex("Include=\"Grpc\\.Tools\"\\s+Version=\"([^\"]+)\"")]
    private static partial Regex GrpcToolsVersion();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("StreamGen.sln not found above " + AppContext.BaseDirectory);
    }
}
