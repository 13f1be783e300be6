using StreamGen.Design.Syntax;
using StreamGen.Diagnostics;

namespace StreamGen.Design;

/// <summary>Reads a design file (YAML or JSON, by extension) into its syntax tree and design classes.</summary>
public static class DesignLoader
{
    public static bool IsSupported(string path) => FormatOf(path) is not null;

    /// <summary>Parses and binds <paramref name="text"/>; <paramref name="displayPath"/> is the path diagnostics print.</summary>
    public static DesignSource Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var format = FormatOf(displayPath) ?? throw new ArgumentException($"'{displayPath}' is not a .yaml, .yml or .json file.", nameof(displayPath));
        var root = format == DesignFormat.Json
            ? new JsonSyntaxReader(displayPath).Read(text, diagnostics)
            : new YamlSyntaxReader(displayPath).Read(text, diagnostics);

        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Report(DiagnosticDescriptors.EmptyDocument, new SourceSpan(displayPath, 1, 1));
            }

            return new DesignSource(displayPath, null, null);
        }

        var document = new DesignBinder(diagnostics).Bind(root, displayPath);
        return new DesignSource(displayPath, root, document);
    }

    /// <summary>Reads <paramref name="path"/> from disk; I/O failures surface as <see cref="IOException"/> for the CLI to map to exit code 3.</summary>
    public static DesignSource Load(string path, string displayPath, DiagnosticBag diagnostics) =>
        Parse(File.ReadAllText(path), displayPath, diagnostics);

    private static DesignFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => DesignFormat.Yaml,
        ".json" => DesignFormat.Json,
        _ => null,
    };

    private enum DesignFormat
    {
        Yaml,
        Json,
    }
}

/// <summary>A parsed design: the syntax tree (for the schema check) and the bound design (null when the file could not be read as a mapping).</summary>
public sealed record DesignSource(string Path, SyntaxNode? Root, DesignDocument? Document);
