using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// tsc, from tests/interop's packages (TypeScript 7, the native compiler), installing them first when a plain
/// `dotnet test` runs on a fresh clone. Shared with StreamGen.Tests as a linked file.
/// </summary>
internal static class TypeScriptCompiler
{
    /// <summary>Runs tsc with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string interopDirectory, string workingDirectory, params string[] arguments)
    {
        NodePackages.Ensure(interopDirectory);
        var start = new ProcessStartInfo(Path.Combine(interopDirectory, "node_modules", ".bin", "tsc"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tsc did not finish in 3 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// Compiles a tsconfig.json project into <paramref name="outDirectory"/> as ES modules Node runs: the folder gets a
    /// package.json saying so. Fails the test with tsc's diagnostics.
    /// </summary>
    public static void CompileProject(string interopDirectory, string project, string outDirectory)
    {
        var (exit, output) = Run(interopDirectory, interopDirectory, "-p", project, "--outDir", outDirectory);
        Assert.True(exit == 0, $"tsc -p {project} failed ({exit}):\n{output}");
        File.WriteAllText(Path.Combine(outDirectory, "package.json"), "{ \"type\": \"module\" }\n");
    }
}
