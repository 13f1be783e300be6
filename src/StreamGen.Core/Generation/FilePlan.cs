namespace StreamGen.Generation;

/// <summary>Who owns a file: the generator (under gen/, rewritten every run) or the user (created once, then never touched).</summary>
public enum Ownership
{
    Generated,
    Scaffold,
}

/// <summary>One template fed one model; a file is its sections rendered in order (Goa's SectionTemplate).</summary>
public sealed record Section(string Name, string TemplatePath, object Model);

/// <summary>A file to produce, relative to the output folder, with forward slashes.</summary>
public sealed record OutputFile(string RelativePath, IReadOnlyList<Section> Sections, Ownership Ownership)
{
    public bool IsCSharp => RelativePath.EndsWith(".cs", StringComparison.Ordinal);

    /// <summary>
    /// The template that renders the file's content, which its header names so a user overriding it knows where to
    /// look: the last section's (a C# file's first section is the shared header).
    /// </summary>
    public string TemplatePath => Sections[^1].TemplatePath;
}

/// <summary>A rendered file: its path, ownership and exact bytes-to-be (always '\n' newlines).</summary>
public sealed record RenderedFile(string RelativePath, string Content, Ownership Ownership);
