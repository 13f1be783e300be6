using StreamGen.Tests.Support;

namespace StreamGen.Tests.Cli;

/// <summary>
/// A small project whose build runs `streamgen validate --format msbuild` (an Exec task, the tool built from
/// src/StreamGen.Cli) on a broken design: `dotnet build` fails, and MSBuild reports each error at the design's file,
/// line and column, as IDEs and CI annotate them.
/// </summary>
public sealed class MsBuildDiagnosticsTests
{
    [Fact]
    public void A_build_that_validates_a_broken_design_fails_with_the_error_at_its_line_and_column()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("Designs.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Target Name="ValidateDesign" BeforeTargets="CoreCompile">
                <Exec Command="dotnet &quot;$(StreamGenTool)&quot; validate design.yaml --format msbuild" />
              </Target>
            </Project>
            """);
        File.WriteAllText(temp.Combine("design.yaml"), """
            api: { name: p }
            services:
              s:
                methods:
                  m:
                    pyload: String
                    result: Strng
                    http: { POST: /m }
            """);
        var tool = Path.Combine(AppContext.BaseDirectory, "streamgen.dll");

        var (exit, output) = Protoc.Run("dotnet", ["build", temp.Combine("Designs.csproj"), "-nologo", "-nodeReuse:false", $"-p:StreamGenTool={tool}"], temp.Path);

        Assert.NotEqual(0, exit);
        Assert.Contains("design.yaml(6,9): error SG1001: Unknown key 'pyload'", output, StringComparison.Ordinal);
        Assert.Contains("design.yaml(7,17): error SG2002: Unknown type 'Strng'", output, StringComparison.Ordinal);
        Assert.Contains("Build FAILED", output, StringComparison.Ordinal);
    }
}
