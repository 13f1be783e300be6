using System.Reflection;
using Scriban;
using Scriban.Runtime;
using StreamGen.Diagnostics;
using DesignSpan = StreamGen.Diagnostics.SourceSpan;
using ScribanSpan = Scriban.Parsing.SourceSpan;

namespace StreamGen.Generation;

/// <summary>
/// Finds template text: a file at the same relative path under the override folder (<c>--templates DIR</c>) wins
/// over the copy embedded in the tool (NJsonSchema's TemplateDirectory, Luban's fallback). Also serves Scriban
/// <c>include</c>s, so partials can be overridden the same way.
/// </summary>
public sealed class TemplateLoader : ITemplateLoader
{
    private const string ResourcePrefix = "templates/";
    private static readonly Assembly Assembly = typeof(TemplateLoader).Assembly;
    private readonly string? _overrideDirectory;
    private readonly HashSet<string> _embedded;

    public TemplateLoader(string? overrideDirectory)
    {
        _overrideDirectory = overrideDirectory;
        _embedded = Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> EmbeddedTemplates => _embedded;

    /// <summary>Override files that replace no built-in template: a typo there must fail loudly, not be ignored.</summary>
    public IEnumerable<Diagnostic> CheckOverrides()
    {
        if (_overrideDirectory is null)
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_overrideDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_overrideDirectory, file).Replace('\\', '/');
            if (!_embedded.Contains(relative))
            {
                yield return new Diagnostic(
                    DiagnosticDescriptors.UnknownTemplateOverride,
                    new DesignSpan(file, 1, 1),
                    [relative],
                    NameSuggester.Hint(relative, _embedded));
            }
        }
    }

    /// <summary>Where a template comes from, for messages: the override file or <c>embedded:path</c>.</summary>
    public string DisplayPath(string templatePath) => OverridePath(templatePath) ?? $"embedded:templates/{templatePath}";

    public string Load(string templatePath)
    {
        if (OverridePath(templatePath) is { } file)
        {
            return File.ReadAllText(file);
        }

        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + templatePath)
            ?? throw new FileNotFoundException($"No template '{templatePath}' is built in.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    string ITemplateLoader.GetPath(TemplateContext context, ScribanSpan callerSpan, string templateName) => templateName;

    string ITemplateLoader.Load(TemplateContext context, ScribanSpan callerSpan, string templatePath) => Load(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, ScribanSpan callerSpan, string templatePath) => new(Load(templatePath));

    private string? OverridePath(string templatePath)
    {
        if (_overrideDirectory is null)
        {
            return null;
        }

        var file = Path.Combine(_overrideDirectory, templatePath);
        return File.Exists(file) ? file : null;
    }
}
