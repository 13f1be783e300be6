using System.CommandLine;
using StreamGen.Cli.Commands;

namespace StreamGen.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, new InvocationConfiguration());

    /// <summary>Parses and runs a command line; tests call this with captured writers.</summary>
    internal static int Run(string[] args, InvocationConfiguration io)
    {
        io.EnableDefaultExceptionHandler = false;
        var verbose = args.Contains("--verbose");
        var failure = new FailurePrinter(io.Error, CommonOptions.IsMsbuildFormat(args));
        var parse = BuildRootCommand().Parse(args.Where(a => a != "--verbose").ToArray());
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                failure.Print(error.Message);
            }

            io.Error.WriteLine("Run 'streamgen --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(io);
        }
        catch (UsageException e)
        {
            failure.Print(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure.Print(e.Message);
            return ExitCodes.IO;
        }
        catch (Exception e)
        {
            failure.Print($"internal error: {e.Message}");
            io.Error.WriteLine(verbose ? e.ToString() : "This is a bug in streamgen; run again with --verbose for details and report it.");
            return ExitCodes.Internal;
        }
    }

    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            """
            streamgen: generates a C# streaming service (WebSockets, Server-Sent Events, gRPC) from a Goa-style design.

            Examples:
              streamgen validate designs/logger.yaml
              streamgen gen designs/logger.yaml -o examples/logger
              streamgen gen designs/logger.yaml -o examples/logger --check     (CI: fail if the output is stale)
              streamgen validate designs/logger.yaml --format msbuild          (file(line,col): error SGnnnn: ...)
              streamgen schema -o design.schema.json

            Exit codes: 0 ok, 1 design errors, 2 usage, 3 I/O, 4 out of date (gen --check), 70 internal error.
            """);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion();
        }

        root.Subcommands.Add(GenCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        return root;
    }

    /// <summary>Prints streamgen's own version (the framework's default prints the entry assembly's, which differs under a test host).</summary>
    private sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion.Value);
            return ExitCodes.Ok;
        }
    }
}
