using System.CommandLine;
using StreamGen.Design;

namespace StreamGen.Cli.Commands;

/// <summary><c>streamgen schema [-o FILE]</c>: the JSON Schema of the design format.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema of the design format (for editors: yaml-language-server, VS Code).") { output };
        command.SetAction(parse =>
        {
            var schema = DesignSchema.ToJson();
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, schema);
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(schema);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
