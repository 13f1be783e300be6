using StreamGen.Tests.Support;
using StreamGen.Diagnostics;

namespace StreamGen.Tests.Validation;

public sealed class DiagnosticTests
{
    [Theory]
    [MemberData(nameof(DiagnosticCases.All), MemberType = typeof(DiagnosticCases))]
    public void Each_code_is_reported_alone_at_the_offending_key_or_value(string id, string design, int line, int column, string? hint)
    {
        var errors = Designs.Diagnose(design).Where(d => d.IsError).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(id, error.Id);
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.Equal("design.yaml", error.Span.File);
        Assert.Equal(hint, error.Hint);
        Assert.DoesNotMatch(@"\{\d+\}", error.Message);
    }

    [Fact]
    public void Every_design_code_has_a_negative_test()
    {
        var tested = DiagnosticCases.All.Select(row => (string)row[0]).ToHashSet();
        var templateCodes = new[] { "SG9001", "SG9002", "SG9003", "SG9004" };

        var untested = DiagnosticDescriptors.All.Select(d => d.Id).Except(tested).Except(templateCodes).ToList();

        Assert.Empty(untested);
    }

    [Fact]
    public void Ids_are_unique_and_follow_the_ranges()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^SG[1234567]\\d{3}$|^SG9\\d{3}$", id));
    }

    [Fact]
    public void The_docs_list_every_code_with_its_title()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"| {descriptor.Id} | {descriptor.Title} |", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_error_of_a_design_is_reported_in_one_run()
    {
        const string design = """
            api: { name: demo }
            types:
              Entry:
                attributes:
                  id: { type: Strng }
                  count: { type: Int, maxLength: 2 }
                required: [idd]
            services:
              demo:
                methods:
                  ping:
                    pyload: Entry
                    http: { GET: "/ping/{nope}" }
            """;

        var ids = Designs.Diagnose(design).Select(d => d.Id).ToList();

        Assert.Equal(["SG2002", "SG2005", "SG2004", "SG1001", "SG4001"], ids);
    }

    [Fact]
    public void Msbuild_form_has_file_line_column_code_message_and_hint()
    {
        var error = Designs.Diagnose("""
            api: { name: demo }
            services: { demo: { methods: { ping: { pyload: String } } } }
            """, "designs/demo.yaml").Single();

        Assert.Equal("designs/demo.yaml(2,40): error SG1001: Unknown key 'pyload' in method 'ping' [did you mean 'payload'?]", error.ToString());
    }
}
