using System.Text.Json;
using System.Text.Json.Nodes;
using StreamGen.Diagnostics;

namespace StreamGen.Cli;

/// <summary>Prints diagnostics in the chosen format. Never prints a stack trace: a diagnostic is all a user needs.</summary>
internal static class DiagnosticPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Print(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, TextWriter writer, Func<string, string?>? readSource = null)
    {
        switch (format)
        {
            case DiagnosticFormat.Msbuild:
                foreach (var diagnostic in diagnostics)
                {
                    writer.WriteLine(diagnostic.ToString());
                }

                break;
            case DiagnosticFormat.Json:
                writer.WriteLine(new JsonArray(diagnostics.Select(ToJson).ToArray()).ToJsonString(Indented));
                break;
            case DiagnosticFormat.Sarif:
                writer.WriteLine(Sarif(diagnostics).ToJsonString(Indented));
                break;
            default:
                PrintText(diagnostics, writer, readSource);
                break;
        }
    }

    /// <summary>For people: the canonical line, then the source line with a caret, then the hint.</summary>
    private static void PrintText(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer, Func<string, string?>? readSource)
    {
        var sources = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Span;
            var severity = diagnostic.IsError ? "error" : "warning";
            writer.WriteLine(span.IsKnown
                ? $"{span.File}:{span.Line}:{span.Column}: {severity} {diagnostic.Id}: {diagnostic.Message}"
                : $"{span.File}: {severity} {diagnostic.Id}: {diagnostic.Message}");
            if (span.IsKnown && readSource is not null)
            {
                if (!sources.TryGetValue(span.File, out var lines))
                {
                    lines = readSource(span.File)?.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                    sources[span.File] = lines;
                }

                if (lines is not null && span.Line <= lines.Length)
                {
                    var number = span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    writer.WriteLine($"  {number} | {lines[span.Line - 1]}");
                    writer.WriteLine($"  {new string(' ', number.Length)} | {new string(' ', Math.Max(0, span.Column - 1))}^");
                }
            }

            if (diagnostic.Hint is { } hint)
            {
                writer.WriteLine($"  hint: {hint}");
            }
        }
    }

    private static JsonObject ToJson(Diagnostic diagnostic) => new()
    {
        ["id"] = diagnostic.Id,
        ["severity"] = diagnostic.IsError ? "error" : "warning",
        ["file"] = diagnostic.Span.File,
        ["line"] = diagnostic.Span.Line,
        ["column"] = diagnostic.Span.Column,
        ["message"] = diagnostic.Message,
        ["hint"] = diagnostic.Hint,
    };

    /// <summary>
    /// SARIF 2.1.0 (OASIS), which GitHub code scanning and most CI systems ingest; valid against its JSON schema (checked
    /// by a test). Each result names its rule by id and index; its location is a URI reference (a relative path with each
    /// segment escaped, or a file: URI for an absolute path) and, when known, the region's 1-based line and column.
    /// </summary>
    private static JsonObject Sarif(IReadOnlyList<Diagnostic> diagnostics)
    {
        var rules = diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "streamgen",
                        ["version"] = ToolVersion.Value,
                        ["rules"] = new JsonArray(rules.Select(d => (JsonNode)new JsonObject
                        {
                            ["id"] = d.Id,
                            ["shortDescription"] = new JsonObject { ["text"] = d.Title },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = d.Severity == DiagnosticSeverity.Error ? "error" : "warning" },
                        }).ToArray()),
                    },
                },
                ["results"] = new JsonArray(diagnostics.Select(d => (JsonNode)SarifResult(d, rules.IndexOf(d.Descriptor))).ToArray()),
            }),
        };
    }

    private static JsonObject SarifResult(Diagnostic diagnostic, int ruleIndex)
    {
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = UriReference(diagnostic.Span.File) } };
        if (diagnostic.Span.IsKnown)
        {
            physical["region"] = new JsonObject { ["startLine"] = diagnostic.Span.Line, ["startColumn"] = Math.Max(1, diagnostic.Span.Column) };
        }

        return new JsonObject
        {
            ["ruleId"] = diagnostic.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = diagnostic.IsError ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message} ({diagnostic.Hint})" },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
        };
    }

    /// <summary>A path as an RFC 3986 URI reference: <c>designs/my design.yaml</c> → <c>designs/my%20design.yaml</c>, <c>/tmp/x.yaml</c> → <c>file:///tmp/x.yaml</c>.</summary>
    internal static string UriReference(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
