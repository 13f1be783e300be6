using System.Text.RegularExpressions;
using System.Xml.Linq;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Build;

/// <summary>
/// StreamGen.MSBuild's build files against what users are told: every error code the targets report is documented, and
/// every item metadata the README lists is declared. (tests/StreamGen.E2E.Tests/Packaging builds real projects with them.)
/// </summary>
public sealed partial class MSBuildPackageFilesTests
{
    private static readonly string BuildFolder = Path.Combine(Repository.Root, "src", "StreamGen.MSBuild", "build");

    [Fact]
    public void Every_error_code_of_the_targets_is_in_the_diagnostics_table()
    {
        var targets = File.ReadAllText(Path.Combine(BuildFolder, "StreamGen.MSBuild.targets"));
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));

        var codes = ErrorCode().Matches(targets).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["SG8001", "SG8002", "SG8003", "SG8004", "SG8005"], codes);
        Assert.All(codes, code => Assert.Matches($@"\| {code} \| [^|]+ \|", docs));
    }

    [Fact]
    public void The_item_metadata_the_readme_lists_are_declared_with_empty_defaults()
    {
        var props = XDocument.Load(Path.Combine(BuildFolder, "StreamGen.MSBuild.props"));
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        var declared = props.Descendants("ItemDefinitionGroup").Elements("StreamGenDesign").Elements().Select(e => e.Name.LocalName).ToList();

        Assert.Equal(["Namespace", "Transports", "Runtime", "Documents", "OutputDir", "Templates", "Scaffold", "TypeScript", "Cli"], declared);
        Assert.All(declared, name => Assert.Contains($"| `{name}` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_files_are_well_formed_msbuild()
    {
        foreach (var file in Directory.EnumerateFiles(BuildFolder))
        {
            Assert.Equal("Project", XDocument.Load(file).Root!.Name.LocalName);
        }
    }

    [GeneratedRegex(@"Code=""(SG\d{4})""")]
    private static partial Regex ErrorCode();
}
