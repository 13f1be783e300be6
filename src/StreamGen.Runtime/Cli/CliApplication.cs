namespace StreamGen.Runtime;

using global::System;
using global::System.CommandLine;
using global::System.Threading.Tasks;

/// <summary>
/// The entry point of a generated command-line client: parses the command line (a mistake prints its message and exits
/// with 2, as usage errors do; System.CommandLine's own default would be 1, which here means the server's error) and
/// runs the command, whose action returns the exit code.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await configuration.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync($"Run '{root.Name} --help' for usage.").ConfigureAwait(false);
            return CliExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await configuration.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return CliExitCodes.Usage;
        }
    }
}
