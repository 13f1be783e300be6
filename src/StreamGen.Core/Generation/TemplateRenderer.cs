using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StreamGen.Model;
using StreamGen.Validation;
using DesignSpan = StreamGen.Design.SourceSpan;

namespace StreamGen.Generation;

/// <summary>
/// Renders sections with Scriban. Templates see two globals, <c>api</c> (the <see cref="ApiModel"/>) and <c>model</c>
/// (the section's model), with .NET member names as written. Strict: an unknown variable or member is an error,
/// reported as SG9001/SG9002 at the template's line and column instead of rendering something silently wrong.
/// </summary>
public sealed class TemplateRenderer(TemplateLoader loader, ApiModel api)
{
    private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    public string? Render(Section section, DiagnosticBag diagnostics)
    {
        var template = Parse(section.TemplatePath, diagnostics);
        if (template is null)
        {
            return null;
        }

        var globals = new ScriptObject
        {
            ["api"] = api,
            ["model"] = section.Model,
        };
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = int.MaxValue,
            // Scriban cuts strings longer than 1 MB with "..." by default; a large design renders files past that.
            LimitToString = 0,
            RecursiveLimit = 200,
            NewLine = "\n",
            AutoIndent = true,
            MemberRenamer = member => member.Name,
            TemplateLoader = loader,
            TryGetMember = (TemplateContext _, Scriban.Parsing.SourceSpan span, object target, string member, out object? value) =>
                throw new ScriptRuntimeException(span, $"'{target.GetType().Name}' has no member '{member}'"),
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Report(DiagnosticDescriptors.TemplateRenderError, SpanOf(section.TemplatePath, e.Span), section.TemplatePath, section.Name, e.OriginalMessage);
            return null;
        }
    }

    private Template? Parse(string templatePath, DiagnosticBag diagnostics)
    {
        if (_parsed.TryGetValue(templatePath, out var cached))
        {
            return cached;
        }

        var template = Template.Parse(loader.Load(templatePath), templatePath);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                diagnostics.Report(DiagnosticDescriptors.TemplateSyntaxError, SpanOf(templatePath, message.Span), templatePath, message.Message);
            }

            return null;
        }

        _parsed[templatePath] = template;
        return template;
    }

    private DesignSpan SpanOf(string templatePath, Scriban.Parsing.SourceSpan span)
    {
        var path = string.IsNullOrEmpty(span.FileName) || span.FileName == templatePath ? templatePath : span.FileName;
        return new DesignSpan(loader.DisplayPath(path), span.Start.Line + 1, span.Start.Column + 1);
    }
}
