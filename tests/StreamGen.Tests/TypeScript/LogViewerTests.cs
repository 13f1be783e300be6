using System.Diagnostics;
using System.Text.Json;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.TypeScript;

/// <summary>
/// The logger example's log viewer: wwwroot/viewer.js is what `npm --prefix tests/interop run viewer` builds from
/// viewer/viewer.ts and the generated client (tsc under --strict, then esbuild), and the page stays under 30 KB.
/// (StreamGen.E2E.Tests drives it in Chromium.)
/// </summary>
public sealed class LogViewerTests
{
    private static readonly string Interop = Path.Combine(Repository.Root, "tests", "interop");
    private static readonly string Example = Path.Combine(Repository.Root, "examples", "logger");

    [Fact]
    public void The_checked_in_bundle_is_what_the_viewer_source_builds()
    {
        var (exit, output) = StreamGen.E2E.Tests.Support.TypeScriptCompiler.Run(Interop, Interop, "-p", Path.Combine(Example, "viewer"), "--pretty", "false");
        Assert.True(exit == 0, $"tsc --strict found problems in the viewer:\n{output}");

        using var temp = new TempDirectory();
        var bundle = temp.Combine("viewer.js");
        var (bundled, log) = Esbuild(EsbuildArguments(bundle));
        Assert.True(bundled == 0, log);

        Assert.True(
            File.ReadAllText(Path.Combine(Example, "wwwroot", "viewer.js")) == File.ReadAllText(bundle),
            "examples/logger/wwwroot/viewer.js is stale: run `npm --prefix tests/interop run viewer` and commit it.");
    }

    [Fact]
    public void The_page_weighs_under_30_kb()
    {
        var files = Directory.GetFiles(Path.Combine(Example, "wwwroot"));
        var total = files.Sum(f => new FileInfo(f).Length);

        Assert.Equal(["index.html", "viewer.css", "viewer.js"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(total < 30 * 1024, $"the viewer weighs {total} bytes");
    }

    /// <summary>The esbuild part of package.json's viewer script, writing <paramref name="outfile"/> instead.</summary>
    private static string[] EsbuildArguments(string outfile)
    {
        var script = JsonDocument.Parse(File.ReadAllText(Path.Combine(Interop, "package.json"))).RootElement.GetProperty("scripts").GetProperty("viewer").GetString()!;
        var command = script[(script.IndexOf("esbuild ", StringComparison.Ordinal) + "esbuild ".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. command.Select(a => a.StartsWith("--outfile=", StringComparison.Ordinal) ? $"--outfile={outfile}" : a)];
    }

    private static (int ExitCode, string Output) Esbuild(string[] arguments)
    {
        StreamGen.E2E.Tests.Support.NodePackages.Ensure(Interop);
        var start = new ProcessStartInfo(Path.Combine(Interop, "node_modules", ".bin", "esbuild")) { WorkingDirectory = Interop, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
