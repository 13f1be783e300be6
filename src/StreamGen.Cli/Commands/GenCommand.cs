using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StreamGen.Generation;
using StreamGen.Model;
using StreamGen.Naming;

namespace StreamGen.Cli.Commands;

/// <summary>
/// <c>streamgen gen DESIGN [-o DIR] [--templates DIR] [--runtime source|package] [--check] [--force] [--namespace NS] [--transports LIST]
/// [--no-docs] [--gen-dir DIR] [--scaffold LIST] [--project-sources FILE] [--typescript DIR]</c>: gen-dir, scaffold and
/// project-sources are what a build uses (StreamGen.MSBuild) to keep gen/ under obj/ and create only the user files the
/// project lacks; --typescript also writes the TypeScript client, into a folder of its own that is replaced whole like gen/.
/// </summary>
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
        var ns = new Option<string?>("--namespace") { Description = "The C# namespace of the generated code, instead of the design's api.namespace." };
        var transports = new Option<string?>("--transports") { Description = "Generate only these transports: http, grpc, or both (comma-separated). Default: every transport the design maps." };
        var noDocs = new Option<bool>("--no-docs") { Description = "Do not write gen/openapi.json and gen/asyncapi.yaml (the OpenAPI and AsyncAPI documents of the HTTP routes), nor serve them from the host." };
        var genDir = new Option<string?>("--gen-dir") { Description = "Write the generated folder here instead of OUTPUT/gen (a build puts it under obj/). It is replaced whole on every run." };
        var scaffold = new Option<string?>("--scaffold") { Description = "Which of your files to create when absent: project, program, service (comma-separated), or none. Default: all three." };
        var sources = new Option<string?>("--project-sources") { Description = "A file listing the project's C# sources, one path a line: a service stub whose type one of them declares, or a Program.cs when one has the entry point, is not created." };
        var typeScript = new Option<string?>("--typescript")
        {
            Description = "Also write the TypeScript client (an ES module over fetch, WebSocket and Server-Sent Events, with its runtime) into this folder, replaced whole on every run.",
        };
        var cli = new Option<string?>("--cli")
        {
            Description = "Also write a command-line client (a console project on System.CommandLine calling every method) into this folder: its project file once, its gen/ on every run.",
        };
        var serviceProject = new Option<string?>("--service-project")
        {
            Description = "The service project the --cli client references (default: the project file in the output folder).",
        };
        var format = CommonOptions.Format();
        var command = new Command("gen", "Validate a design and generate the C# service project from it.")
        {
            design, output, templates, runtime, check, force, ns, transports, noDocs, genDir, scaffold, sources, typeScript, cli, serviceProject, format,
        };
        command.SetAction(parse => Run(
            new GenRequest(
                parse.GetValue(design)!,
                parse.GetValue(output)!,
                parse.GetValue(templates),
                parse.GetValue(runtime),
                parse.GetValue(check),
                parse.GetValue(force),
                parse.GetValue(ns),
                GenArguments.Transports(parse.GetValue(transports)),
                parse.GetValue(noDocs),
                parse.GetValue(genDir),
                GenArguments.Scaffold(parse.GetValue(scaffold)),
                parse.GetValue(sources),
                parse.GetValue(typeScript),
                parse.GetValue(cli),
                parse.GetValue(serviceProject)),
            parse.GetValue(format),
            parse.InvocationConfiguration));
        return command;
    }

    private static int Run(GenRequest request, DiagnosticFormat format, InvocationConfiguration io)
    {
        var stopwatch = Stopwatch.StartNew();
        var timings = TimingsReport.Start();
        if (request.Templates is not null && !Directory.Exists(request.Templates))
        {
            throw new UsageException($"--templates '{request.Templates}' is not a folder.");
        }

        if (request.Namespace is { } ns && !CSharpNaming.IsNamespace(ns))
        {
            throw new UsageException($"--namespace '{ns}' is not a C# namespace: use dot-separated identifiers such as Acme.Logger.");
        }

        var input = DesignInput.Read(request.Design);
        var options = new GenerationOptions(ToolVersion.Value, request.Templates, request.Runtime)
        {
            Namespace = request.Namespace,
            Transports = request.Transports ?? Transports.All,
            Documents = !request.NoDocs,
            Timings = timings,
        };
        var result = StreamGenerator.Generate(input.Text, input.DisplayPath, options);
        if (result.Diagnostics.Count > 0)
        {
            DiagnosticPrinter.Print(result.Diagnostics, format, io.Error, CommonOptions.ReadSourceForExcerpt);
        }

        if (!result.Succeeded)
        {
            io.Error.WriteLine($"streamgen: {result.Diagnostics.Count(d => d.IsError)} error(s); nothing was written.");
            return ExitCodes.DesignErrors;
        }

        CheckTransportsAreMapped(request.Transports, result.Model!, input.DisplayPath);
        var existing = request.ProjectSources is { } list ? SourceDeclarations.Read(ReadSourceList(list)) : null;
        var (files, skipped) = ScaffoldSelection.Select(result.Files, request.Scaffold, request.Output, existing);
        var writer = new OutputWriter(request.Output, request.GenDir);
        var typeScript = TypeScriptOutput(request, result.Model!, options, writer, format, io);
        if (typeScript is null)
        {
            return ExitCodes.DesignErrors;
        }

        var cliOutput = CliOutput(request, result.Model!, options, writer, format, io);
        if (cliOutput is null)
        {
            return ExitCodes.DesignErrors;
        }

        var extra = new[] { typeScript, cliOutput }.Where(o => o.Writer is not null).ToList();

        if (request.Check)
        {
            var drift = writer.Compare(files, request.Force).Where(c => c.IsChange).Select(c => new WriterChange(writer, c))
                .Concat(extra.SelectMany(o => o.Writer!.Compare(o.Files, request.Force).Where(c => c.IsChange).Select(c => new WriterChange(o.Writer, c))))
                .ToList();
            foreach (var (changed, change) in drift)
            {
                io.Output.WriteLine($"  would {Verb(change.Kind)} {Display(changed, change.RelativePath)}");
            }

            io.Output.WriteLine(drift.Count == 0
                ? $"streamgen: {Display(request.Output, "")} is up to date with {input.DisplayPath} ({Ms(stopwatch)})"
                : $"streamgen: {drift.Count} file(s) differ from what {input.DisplayPath} generates; run streamgen gen to update them ({Ms(stopwatch)})");
            return drift.Count == 0 ? ExitCodes.Ok : ExitCodes.OutOfDate;
        }

        // Every folder is checked before any is written: a refused TypeScript or CLI folder must not leave a new gen/ behind.
        writer.CheckOwnership(request.Force);
        foreach (var output in extra)
        {
            output.Writer!.CheckOwnership(request.Force);
        }

        Directory.CreateDirectory(request.Output);
        var write = () => writer.Write(files, request.Force).Select(c => new WriterChange(writer, c))
            .Concat(extra.SelectMany(o => o.Writer!.Write(o.Files, request.Force).Select(c => new WriterChange(o.Writer, c))))
            .ToList();
        var written = timings is null ? write() : timings.Measure("write", write);
        var changes = written.Select(w => w.Change).ToList();
        foreach (var (changed, change) in written.Where(w => w.Change.IsChange))
        {
            io.Output.WriteLine($"  {Past(change.Kind),-8} {Display(changed, change.RelativePath)}");
        }

        foreach (var skip in skipped)
        {
            io.Output.WriteLine($"  {"skipped",-8} {Display(writer, skip.RelativePath)} ({skip.Reason})");
        }

        var count = (FileChangeKind kind) => changes.Count(c => c.Kind == kind);
        io.Output.WriteLine(
            $"streamgen: {changes.Count(c => c.Kind != FileChangeKind.Deleted)} files: {count(FileChangeKind.Created)} created, {count(FileChangeKind.Updated)} updated, " +
            $"{count(FileChangeKind.Unchanged)} unchanged, {count(FileChangeKind.Kept)} kept (yours), {count(FileChangeKind.Deleted)} deleted, in {Ms(stopwatch)}");
        TimingsReport.Print(timings, io.Error);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The TypeScript client's files and the writer of its folder (none without --typescript); null when rendering failed
    /// (the diagnostics are printed). The folder is replaced whole, so it may be neither the project folder nor gen/.
    /// </summary>
    private static ExtraOutput? TypeScriptOutput(
        GenRequest request, ApiModel model, GenerationOptions options, OutputWriter writer, DiagnosticFormat format, InvocationConfiguration io)
    {
        if (request.TypeScript is not { } folder)
        {
            return ExtraOutput.None;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (full == Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Output)) || full == Path.TrimEndingDirectorySeparator(Path.GetFullPath(writer.PathOf(OutputWriter.GeneratedFolder + "/"))))
        {
            throw new UsageException($"--typescript '{folder}' is the project folder or gen/: the TypeScript folder is replaced whole, so give it a folder of its own.");
        }

        if (!model.Services.Any(s => s.HasHttp))
        {
            throw new UsageException("--typescript: the TypeScript client speaks HTTP, and no method of this run is served over it (see --transports).");
        }

        var result = StreamGenerator.GenerateTypeScript(model, options);
        if (!result.Succeeded)
        {
            DiagnosticPrinter.Print(result.Diagnostics, format, io.Error, CommonOptions.ReadSourceForExcerpt);
            io.Error.WriteLine($"streamgen: {result.Diagnostics.Count(d => d.IsError)} error(s) in the TypeScript client; nothing was written.");
            return null;
        }

        return new ExtraOutput(new OutputWriter(full, full), result.Files);
    }

    /// <summary>
    /// The command-line client's files and the writer of its folder (none without --cli); null when rendering failed. Its
    /// gen/ is replaced whole and its project file created once, so the folder may be neither the project folder nor gen/.
    /// </summary>
    private static ExtraOutput? CliOutput(
        GenRequest request, ApiModel model, GenerationOptions options, OutputWriter writer, DiagnosticFormat format, InvocationConfiguration io)
    {
        if (request.Cli is not { } folder)
        {
            return ExtraOutput.None;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (full == Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Output)) || full == Path.TrimEndingDirectorySeparator(Path.GetFullPath(writer.PathOf(OutputWriter.GeneratedFolder + "/"))))
        {
            throw new UsageException($"--cli '{folder}' is the project folder or gen/: the command-line client is a project of its own, so give it a folder of its own.");
        }

        if (full.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Output)) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UsageException($"--cli '{folder}' is inside the project folder, whose build would compile the client's C# files into the service: put it beside the project (../{model.Cli.ExecutableName}).");
        }

        if (!model.Cli.Services.Any(s => s.Methods.Count > 0))
        {
            throw new UsageException("--cli: the design has no method to call.");
        }

        var serviceProject = Path.GetFullPath(request.ServiceProject ?? Path.Combine(request.Output, model.Project.FileName));
        var result = StreamGenerator.GenerateCli(model, options, Path.GetRelativePath(full, serviceProject));
        if (!result.Succeeded)
        {
            DiagnosticPrinter.Print(result.Diagnostics, format, io.Error, CommonOptions.ReadSourceForExcerpt);
            io.Error.WriteLine($"streamgen: {result.Diagnostics.Count(d => d.IsError)} error(s) in the command-line client; nothing was written.");
            return null;
        }

        return new ExtraOutput(new OutputWriter(full), result.Files);
    }

    /// <summary>Asking for a transport the design does not map is a mistake (a typo'd design or the wrong design), not an empty result.</summary>
    private static void CheckTransportsAreMapped(Transports? requested, ApiModel model, string design)
    {
        if (requested is not { } transports)
        {
            return;
        }

        if (transports.HasFlag(Transports.Http) && !model.HasHttp)
        {
            throw new UsageException($"--transports http: no method of {design} has an http mapping.");
        }

        if (transports.HasFlag(Transports.Grpc) && !model.HasGrpc)
        {
            throw new UsageException($"--transports grpc: no method of {design} is served over gRPC.");
        }
    }

    private static IEnumerable<string> ReadSourceList(string list)
    {
        if (!File.Exists(list))
        {
            throw new IOException($"cannot read '{list}': no such file.");
        }

        return File.ReadAllLines(list).Select(line => line.Trim()).Where(line => line.Length > 0);
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

    private static string Display(OutputWriter writer, string relative) => writer.PathOf(relative).Replace('\\', '/');

    private static string Ms(Stopwatch stopwatch) => stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}
