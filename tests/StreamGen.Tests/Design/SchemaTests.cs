using NJsonSchema;
using StreamGen.Design;
using StreamGen.Design.Syntax;
using StreamGen.Tests.Support;
using StreamGen.Diagnostics;

namespace StreamGen.Tests.Design;

/// <summary>The JSON Schema is generated from the design classes, checked in, and accepts every design in designs/.</summary>
public sealed class SchemaTests
{
    private static readonly string CheckedIn = Path.Combine(Repository.Root, "docs", "streamgen.schema.json");

    public static TheoryData<string> DesignFiles => new(Repository.DesignFiles.Concat(Repository.GoaDesignFiles).Select(f => Path.GetRelativePath(Repository.Designs, f)));

    [Fact]
    public void The_checked_in_schema_is_the_generated_one()
    {
        Assert.True(File.ReadAllText(CheckedIn) == DesignSchema.ToJson(), "docs/streamgen.schema.json is stale: run `streamgen schema -o docs/streamgen.schema.json`.");
    }

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public async Task Every_design_validates_against_the_schema(string design)
    {
        var errors = (await SchemaOf()).Validate(JsonOf(File.ReadAllText(Path.Combine(Repository.Designs, design)), design));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public async Task The_schema_rejects_unknown_keys_and_accepts_the_type_shorthand()
    {
        var schema = await SchemaOf();
        const string shorthand = "api: { name: demo }\nservices: { demo: { methods: { ping: { payload: String } } } }\n";
        const string unknown = "api: { name: demo }\nservices: { demo: { methods: { ping: { pyload: String } } } }\n";

        Assert.Empty(schema.Validate(JsonOf(shorthand, "demo.yaml")));
        var errors = Flatten(schema.Validate(JsonOf(unknown, "demo.yaml")));
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Property == "pyload");
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.SelectMany(pair => Flatten(pair.Value)).Prepend(e)
            : [e]);

    private static Task<JsonSchema> SchemaOf() => JsonSchema.FromJsonAsync(File.ReadAllText(CheckedIn));

    private static string JsonOf(string text, string file)
    {
        var diagnostics = new DiagnosticBag();
        var root = file.EndsWith(".json", StringComparison.Ordinal)
            ? new JsonSyntaxReader(file).Read(text, diagnostics)
            : new YamlSyntaxReader(file).Read(text, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return SyntaxJson.ToJson(root!);
    }
}
