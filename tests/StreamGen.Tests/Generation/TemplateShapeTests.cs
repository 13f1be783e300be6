using System.Text.RegularExpressions;
using Scriban;
using Scriban.Syntax;
using StreamGen.Generation;
using StreamGen.Generation.Planners;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>
/// How templates are written: a partial reads only what it is given (its include arguments and the <c>api</c> global),
/// never a variable of the template that includes it; and every file names, in its header, the template that rendered it.
/// </summary>
public sealed partial class TemplateShapeTests
{
    private static readonly HashSet<string> Globals = new(StringComparer.Ordinal) { "api", "include", "for", "array" };

    public static TheoryData<string> Partials()
    {
        var loader = new TemplateLoader(null);
        var included = loader.EmbeddedTemplates
            .SelectMany(t => IncludePattern().Matches(loader.Load(t)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        return new(included.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Partials))]
    public void A_partial_reads_only_its_arguments_and_api(string partial)
    {
        var template = Template.Parse(new TemplateLoader(null).Load(partial), partial);
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<string>();
        Walk(template.Page, declared, read);

        Assert.Empty(read.Where(name => !Globals.Contains(name) && !declared.Contains(name)).Distinct());
    }

    [Fact]
    public void The_check_finds_a_variable_of_the_caller()
    {
        var template = Template.Parse("{{ for item in $1 }}{{ item.Name }}{{ method.Name }}{{ end }}");
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<string>();

        Walk(template.Page, declared, read);

        Assert.Equal(["method"], read.Where(name => !Globals.Contains(name) && !declared.Contains(name)));
    }

    [Fact]
    public void Every_generated_file_names_the_template_that_rendered_it()
    {
        var result = Designs.GenerateFile(Path.Combine(Repository.Designs, "chat.yaml"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var templates = FilePlanner.Plan(result.Model!).ToDictionary(f => f.RelativePath, f => f.TemplatePath);

        Assert.All(result.Files.Where(f => templates.ContainsKey(f.RelativePath)), file => Assert.Contains($"Template: {templates[file.RelativePath]} (", file.Content, StringComparison.Ordinal));

        // The documents are written by the OpenAPI library, from no template; everything else is planned.
        Assert.Equal(["gen/asyncapi.yaml", "gen/openapi.json"], result.Files.Select(f => f.RelativePath).Where(p => !templates.ContainsKey(p)));

        // An XML comment cannot hold "--": the MSBuild files must still load.
        Assert.All(result.Files.Where(f => f.RelativePath.EndsWith("proj", StringComparison.Ordinal) || f.RelativePath.EndsWith(".props", StringComparison.Ordinal)), file => System.Xml.Linq.XDocument.Parse(file.Content));
        Assert.Contains("//   Template: csharp/types/record.cs.sbn (", result.Files.Single(f => f.RelativePath == "gen/Types/Message.g.cs").Content, StringComparison.Ordinal);
    }

    /// <summary>Global variables read, leaving out member names (<c>x.Name</c>) and noting loop variables the template declares.</summary>
    private static void Walk(ScriptNode? node, HashSet<string> declared, List<string> read)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptForStatement { Variable: ScriptVariable loop } statement:
                declared.Add(loop.Name);
                Walk(statement.Iterator, declared, read);
                Walk(statement.Body, declared, read);
                return;
            case ScriptMemberExpression member:
                Walk(member.Target, declared, read);
                return;
            case ScriptVariableGlobal variable:
                read.Add(variable.Name);
                return;
        }

        foreach (var child in node.Children)
        {
            Walk(child, declared, read);
        }
    }

    [GeneratedRegex("include '([^']+)'")]
    private static partial Regex IncludePattern();
}
