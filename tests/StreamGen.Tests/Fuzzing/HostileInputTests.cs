using System.CommandLine;
using System.Text;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Fuzzing;

/// <summary>
/// The inputs the fuzzer found crashing or hanging the front end, and the other classics it tries, each refused with
/// its SG code at a place in the file (and none taking the process down: a stack overflow cannot be caught).
/// </summary>
public sealed class HostileInputTests
{
    private const string Design = "api: { name: p }\nservices:\n  s:\n    methods:\n      m: { payload: String, http: { POST: /m } }\n";

    public static TheoryData<string, string, string> Inputs => new()
    {
        // Found by the fuzzer: the YAML reader recursed once per level and overflowed the stack.
        { "100,000 nested flow sequences", "api: " + new string('[', 100_000) + new string(']', 100_000) + "\n", "SG1000" },
        { "100,000 nested flow mappings", "api: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "x" + new string('}', 100_000) + "\n", "SG1000" },
        { "5,000 nested block mappings", string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "a:\n")), "SG1000" },
        // Found by the fuzzer: the type expression parser recursed once per ArrayOf.
        { "a type expression nested 50,000 deep", Design.Replace("payload: String", "payload: \"" + string.Concat(Enumerable.Repeat("ArrayOf(", 50_000)) + "String" + new string(')', 50_000) + "\"", StringComparison.Ordinal), "SG2001" },
        // Found by the fuzzer: the did-you-mean distance was quadratic, and a 1 MB unknown key took seconds per candidate.
        { "a 1 MB unknown key", "api: { name: p }\nservices:\n  s:\n    ? " + new string('x', 1_000_000) + "\n    : {}\n    methods: {}\n", "SG1001" },
        { "a 1 MB type name", Design.Replace("payload: String", "payload: " + new string('y', 1_000_000), StringComparison.Ordinal), "SG2002" },
        // An alias shares its node: without a bound every later stage walks 9^9 nodes.
        { "billion laughs", "api: { name: p }\nservices: { s: { methods: {} } }\n" + BillionLaughs(), "SG1000" },
        { "an alias to no anchor", Design + "x: *nothing\n", "SG1000" },
        { "tab indentation", Design.Replace("    methods", "\tmethods", StringComparison.Ordinal), "SG1000" },
        { "a merge key", "api: &a { name: p }\nservices:\n  s:\n    <<: *a\n    methods: {}\n", "SG1001" },
        { "a duplicate key", Design + "api: { name: q }\n", "SG1004" },
        { "a second document", Design + "---\napi: { name: q }\n", "SG1000" },
        { "a mapping as a key", "? [a, b]\n: c\n" + Design, "SG1000" },
        { "an unclosed flow mapping", "api: { name: p\n", "SG1000" },
        { "a lone surrogate in a key", Design.Replace("methods", "meth\uD800ods", StringComparison.Ordinal), "SG1001" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Hostile_input_is_refused_with_its_code_at_a_place_and_in_bounded_time(string what, string text, string code)
    {
        var (problem, refused, _) = FrontEndFuzzTests.Check(text, "design.yaml");

        Assert.True(problem is null, $"{what}: {problem}");
        Assert.True(refused, what);
        Assert.Contains(Designs.Diagnose(text), d => d.Id == code && d.Span.Line > 0 && d.Span.Column > 0);
    }

    [Fact]
    public void A_name_too_long_to_be_an_identifier_gets_no_did_you_mean()
    {
        Assert.Null(StreamGen.Diagnostics.NameSuggester.Suggest(new string('x', 1_000_000), ["methods", "errors", "description"]));
        Assert.Equal("methods", StreamGen.Diagnostics.NameSuggester.Suggest("mehtods", ["methods", "errors", "description"]));
    }

    [Theory]
    [InlineData("Int", "minimum: 0.5")]
    [InlineData("Int32", "maximum: 1e20")]
    [InlineData("UInt32", "minimum: -1")]
    [InlineData("Int64", "exclusiveMaximum: .inf")]
    [InlineData("Float64", "maximum: .nan")]
    public void A_bound_that_does_not_fit_the_attribute_type_is_refused_not_a_crash(string type, string bound)
    {
        // Found by the fuzzer: minimum 0.5 on an Int passed validation and the model builder threw (exit 70).
        var text = $"api: {{ name: p }}\ntypes:\n  T: {{ attributes: {{ n: {{ type: {type}, {bound} }} }} }}\nservices: {{ s: {{ methods: {{ m: {{ payload: T, http: {{ POST: /m }} }} }} }} }}\n";

        var (problem, refused, _) = FrontEndFuzzTests.Check(text, "design.yaml", render: true);

        Assert.True(problem is null, problem);
        Assert.True(refused);
        Assert.Contains(Designs.Diagnose(text), d => d.Id == "SG2006" && d.Span.Line == 3);
    }

    [Fact]
    public void A_UInt64_bound_beyond_Int64_is_a_number()
    {
        // Found by the property test: "maximum must be a number, found an integer" for 18000000000000000000.
        var text = "api: { name: p }\ntypes:\n  T: { attributes: { n: { type: UInt64, minimum: 1, maximum: 18446744073709551615 } } }\nservices: { s: { methods: { m: { payload: T, http: { POST: /m } } } } }\n";

        Assert.DoesNotContain(Designs.Diagnose(text), d => d.IsError);
    }

    [Fact]
    public void A_design_file_with_invalid_UTF_8_is_refused_with_a_located_error_by_the_CLI()
    {
        using var temp = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes(Design.Replace("methods", "meth\u00E9ods", StringComparison.Ordinal)).ToList();
        var index = bytes.IndexOf(0xC3);
        bytes[index] = 0xFF;
        File.WriteAllBytes(temp.Combine("design.yaml"), [.. bytes]);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = StreamGen.Cli.Program.Run(["validate", temp.Combine("design.yaml"), "--format", "msbuild"], new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, exit);
        Assert.Matches(@"design\.yaml\(4,5\): error SG1001: Unknown key 'meth.+ods'", error.ToString());
    }

    private static string BillionLaughs()
    {
        var text = new StringBuilder("l0: &l0 lol\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }

        return text.ToString();
    }
}
