using StreamGen.Generation;
using StreamGen.Tests.Names;
using StreamGen.Tests.Support;
using StreamGen.Tests.Synthetic;

namespace StreamGen.Tests.TypeScript;

/// <summary>
/// The TypeScript client of every design (designs/, designs/goa/ when present, the hostile-name designs, a synthetic
/// one) compiles under `tsc --strict` with no diagnostic: one tsc run over a folder per design.
/// </summary>
public sealed class TypeScriptCompileTests
{
    private static readonly string Interop = Path.Combine(Repository.Root, "tests", "interop");

    private static IEnumerable<(string Name, string Text, string File)> AllDesigns()
    {
        var goa = Path.Combine(Repository.Designs, "goa");
        var files = Repository.DesignFiles.Concat(Directory.Exists(goa) ? Directory.EnumerateFiles(goa).Order(StringComparer.Ordinal) : []);
        foreach (var file in files)
        {
            yield return (Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), Path.GetFileName(file));
        }

        foreach (var row in HostileNameTests.AllDesigns)
        {
            yield return ("hostile-" + (string)row[0], (string)row[1], (string)row[0] + ".yaml");
        }

        yield return ("typescript-hostile", TypeScriptDesigns.Hostile, "typescript.yaml");
        yield return ("typescript-intercepted", TypeScriptDesigns.Intercepted, "intercepted.yaml");
        yield return ("synthetic", SyntheticDesign.Create(40), "synthetic.yaml");
    }

    [Fact]
    public void Every_design_compiles_under_strict_with_no_diagnostic()
    {
        using var temp = new TempDirectory();
        var names = new List<string>();
        foreach (var (name, text, file) in AllDesigns())
        {
            var analysis = StreamGenerator.Analyze(text, file, Designs.Options);
            Assert.True(analysis.Model is not null, $"{name}: {string.Join("\n", analysis.Diagnostics)}");
            var generated = StreamGenerator.GenerateTypeScript(analysis.Model!, Designs.Options);
            Assert.True(generated.Succeeded, $"{name}: {string.Join("\n", generated.Diagnostics)}");
            Write(temp.Combine(name), generated);
            names.Add(name);
        }

        var (exit, output) = Compile(temp.Path);

        Assert.True(exit == 0 && output.Trim().Length == 0, $"tsc --strict found problems in the generated TypeScript of {string.Join(", ", names)}:\n{output}");
    }

    [Fact]
    public void Tsc_does_report_a_type_error_so_the_test_above_can_fail()
    {
        using var temp = new TempDirectory();
        var analysis = StreamGenerator.Analyze(File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")), "logger.yaml", Designs.Options);
        Write(temp.Combine("logger"), StreamGenerator.GenerateTypeScript(analysis.Model!, Designs.Options));
        File.WriteAllText(temp.Combine("logger", "misuse.ts"), "import { LoggerClient } from \"./logger.js\";\nawait new LoggerClient().subscribe({ topic: 42 });\n");

        var (exit, output) = Compile(temp.Path);

        Assert.NotEqual(0, exit);
        Assert.Contains("misuse.ts", output, StringComparison.Ordinal);
        Assert.Contains("TS2322", output, StringComparison.Ordinal);
    }

    /// <summary>Writes a TypeScript client's files (planned under gen/) into <paramref name="directory"/>.</summary>
    internal static void Write(string directory, GenerationResult generated)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in generated.Files)
        {
            File.WriteAllText(Path.Combine(directory, file.RelativePath["gen/".Length..]), file.Content);
        }
    }

    /// <summary>tsc --strict over every .ts below <paramref name="root"/>, as ES2022 modules for the browser and Node.</summary>
    internal static (int ExitCode, string Output) Compile(string root)
    {
        File.WriteAllText(Path.Combine(root, "tsconfig.json"), """
            {
              "compilerOptions": {
                "strict": true, "noEmit": true, "target": "es2022", "module": "es2022", "moduleResolution": "bundler",
                "lib": ["es2022", "dom", "dom.iterable"], "types": [], "noUnusedLocals": true, "noImplicitOverride": true,
                "noFallthroughCasesInSwitch": true, "exactOptionalPropertyTypes": false, "isolatedModules": true
              },
              "include": ["**/*.ts"]
            }
            """);
        return StreamGen.E2E.Tests.Support.TypeScriptCompiler.Run(Interop, root, "-p", "tsconfig.json", "--pretty", "false");
    }
}
