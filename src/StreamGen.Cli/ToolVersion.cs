using System.Reflection;

namespace StreamGen.Cli;

internal static class ToolVersion
{
    /// <summary>The version without a source-revision suffix, so generated headers do not change with every commit.</summary>
    public static string Value { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
