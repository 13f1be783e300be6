using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StreamGen.Generation;
using StreamGen.Model;

namespace StreamGen.Cli.Commands;

/// <summary><c>streamgen gen DESIGN [-o DIR] [--templates DIR] [--runtime source|package] [--check] [--force]</c></summary>
internal static class GenCommand
{
    public static Command Create()
    {
        var design = CommonOptions.Design();
        var output = new Option<string>("--output", "-o") { Description = "The project folder to write (default: the current folder). gen/ in it is replaced on every run.", DefaultValueFactory = _ => "." };
        var templates = new Option<string?>("--templates") { Description = "A folder of template overrides, laid out like the built-in templates/ folder." };
        var runtime = new Option<RuntimeMode?>("--runtime")
        {
            Description = "source writes the runtime into gen/Runtime; package references the StreamGen.Runtime package of this tool's version instead (default: the design's api.runtime, else source).",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that would change and exit with 4 if any would (for CI drift checks)." };
        var force = new Option<bool>("--force") { Description = "Also overwrite user-owned files (Program.cs, the project, service stubs), and replace a gen/ folder streamgen did not write." };
        var format = CommonOptions.Format();
        var command = new Command("gen", "Validate a design and generate the C# service project from it.") { design, output, templates, runtime, check, force, format };
        command.SetAction(parse => Run(
            parse.GetValue(design)!, parse.GetValue(output)!, parse.GetValue(templates), parse.GetValue(runtime), parse.GetValue(check), parse.GetValue(force), parse.GetValue(format), parse.InvocationConfiguration));
        return command;
    }

    private static int Run(string designPath, string outputPath, string? templates, RuntimeMode? runtime, bool check, bool force, DiagnosticFormat format, InvocationConfiguration io)
    {
        var stopwatch = Stopwatch.StartNew();
        if (templates is not null && !Directory.Exists(templates))
        {
            throw new UsageException($"--templates '{templates}' is not a folder.");
        }

        var input = DesignInput.Read(designPath);
        var result = StreamGenerator.Generate(input.Text, input.DisplayPath, new GenerationOptions(ToolVersion.Value, templates, runtime));
        if (result.Diagnostics.Count > 0)
        {
            DiagnosticPrinter.Print(result.Diagnostics, format, io.Error, CommonOptions.ReadSourceForExcerpt);
        }

        if (!result.Succeeded)
        {
            io.Error.WriteLine($"streamgen: {result.Diagnostics.Count(d => d.IsError)} error(s); nothing was written.");
            return ExitCodes.DesignErrors;
        }

        var writer = new OutputWriter(outputPath);
        if (check)
        {
            var drift = writer.Compare(result.Files, force).Where(c => c.IsChange).ToList();
            foreach (var change in drift)
            {
                io.Output.WriteLine($"  would {Verb(change.Kind)} {Display(outputPath, change.RelativePath)}");
            }

            io.Output.WriteLine(drift.Count == 0
                ? $"streamgen: {Display(outputPath, "")} is up to date with {input.DisplayPath} ({Ms(stopwatch)})"
                : $"streamgen: {drift.Count} file(s) differ from what {input.DisplayPath} generates; run streamgen gen to update them ({Ms(stopwatch)})");
            return drift.Count == 0 ? ExitCodes.Ok : ExitCodes.OutOfDate;
        }

        Directory.CreateDirectory(outputPath);
        var changes = writer.Write(result.Files, force);
        foreach (var change in changes.Where(c => c.IsChange))
        {
            io.Output.WriteLine($"  {Past(change.Kind),-8} {Display(outputPath, change.RelativePath)}");
        }

        var count = (FileChangeKind kind) => changes.Count(c => c.Kind == kind);
        io.Output.WriteLine(
            $"streamgen: {changes.Count(c => c.Kind != FileChangeKind.Deleted)} files: {count(FileChangeKind.Created)} created, {count(FileChangeKind.Updated)} updated, " +
            $"{count(FileChangeKind.Unchanged)} unchanged, {count(FileChangeKind.Kept)} kept (yours), {count(FileChangeKind.Deleted)} deleted, in {Ms(stopwatch)}");
        return ExitCodes.Ok;
    }

    private static string Verb(FileChangeKind kind) => kind switch
    {
        FileChangeKind.Created => "create",
        FileChangeKind.Deleted => "delete",
        _ => "update",
    };

    private static string Past(FileChangeKind kind) => kind switch
    {
        FileChangeKind.Created => "created",
        FileChangeKind.Deleted => "deleted",
        _ => "updated",
    };

    private static string Display(string output, string relative) => Path.Combine(output, relative).Replace('\\', '/');

    private static string Ms(Stopwatch stopwatch) => stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}
