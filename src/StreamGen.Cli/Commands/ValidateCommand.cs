using System.CommandLine;
using StreamGen.Generation;

namespace StreamGen.Cli.Commands;

/// <summary><c>streamgen validate DESIGN [--format text|msbuild|json|sarif]</c></summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var design = CommonOptions.Design();
        var format = CommonOptions.Format();
        var command = new Command("validate", "Check a design and print every problem at once; exit 1 if there are errors.") { design, format };
        command.SetAction(parse =>
        {
            var io = parse.InvocationConfiguration;
            var input = DesignInput.Read(parse.GetValue(design)!);
            var result = StreamGenerator.Analyze(input.Text, input.DisplayPath, new GenerationOptions(ToolVersion.Value));
            var selected = parse.GetValue(format);
            if (result.Diagnostics.Count > 0 || selected is DiagnosticFormat.Json or DiagnosticFormat.Sarif)
            {
                DiagnosticPrinter.Print(result.Diagnostics, selected, selected is DiagnosticFormat.Json or DiagnosticFormat.Sarif ? io.Output : io.Error, CommonOptions.ReadSourceForExcerpt);
            }

            if (selected is DiagnosticFormat.Text && result.Succeeded)
            {
                io.Output.WriteLine($"{input.DisplayPath}: valid ({result.Model!.Services.Sum(s => s.Methods.Count)} methods in {result.Model.Services.Count} service(s))");
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.DesignErrors;
        });
        return command;
    }
}
