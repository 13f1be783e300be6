using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The command-line client (<c>gen --cli DIR</c>): a console project in DIR whose project file is created once (the
/// user's, like the service's), and whose gen/ (the root command, a command class per service, the props that reference
/// the service project and System.CommandLine) is replaced whole on every run.
/// </summary>
public static class CliPlanner
{
    private const string HeaderTemplate = "csharp/_partials/header.sbn";

    public static IReadOnlyList<OutputFile> Plan(ApiModel api)
    {
        var cli = api.Cli;
        var files = new List<OutputFile>
        {
            new(api.Cli.ProjectFileName, [new Section("cli-project", "cli/project.csproj.sbn", cli)], Ownership.Scaffold),
            new($"{OutputWriter.GeneratedFolder}/StreamGen.Cli.props", [new Section("cli-props", "cli/cli.props.sbn", cli)], Ownership.Generated),
            CSharp($"{cli.ClassName}.g.cs", "cli", "cli/cli.cs.sbn", cli),
        };
        files.AddRange(cli.Services.Select(service => CSharp(service.FileName, "cli-commands", "cli/commands.cs.sbn", service)));
        return files;
    }

    private static OutputFile CSharp(string fileName, string sectionName, string templatePath, object model) =>
        new($"{OutputWriter.GeneratedFolder}/{fileName}", [new Section("header", HeaderTemplate, model), new Section(sectionName, templatePath, model)], Ownership.Generated);
}
