using System.Reflection;

namespace StreamGen.Tests.Support;

/// <summary>Paths in the repository and in the build, found from the test assembly.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Designs => Path.Combine(Root, "designs");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Golden => Path.Combine(Root, "tests", "StreamGen.Tests", "Golden");

    public static IEnumerable<string> DesignFiles =>
        Directory.EnumerateFiles(Designs).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Goa's published examples translated into the format (designs/goa/): validated and compiled by GoaDesignTests.</summary>
    public static IEnumerable<string> GoaDesignFiles =>
        Directory.EnumerateFiles(Path.Combine(Designs, "goa"), "*.yaml").Order(StringComparer.Ordinal);

    public static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("StreamGen.sln not found above the test assembly.");
    }
}
