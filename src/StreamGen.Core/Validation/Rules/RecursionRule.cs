using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>
/// A cycle of required, direct (not ArrayOf/MapOf) attributes has no finite value, as Goa says of recursive
/// types without indirection. An optional attribute or a collection on the way breaks the cycle.
/// </summary>
internal sealed class RecursionRule(ValidationContext context)
{
    public void Run()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in context.Index.NamedObjects.OrderBy(t => t.TypeName, StringComparer.Ordinal))
        {
            var path = new List<string>();
            if (FindCycle(type, type.TypeName!, path, []) && reported.Add(type.TypeName!))
            {
                var first = type.Attributes[path[0].Split('.')[1]];
                context.Report(DiagnosticDescriptors.RecursiveType, first.SpanOf("type"), type.TypeName, string.Join(" -> ", path));
            }
        }
    }

    private bool FindCycle(DesignObject current, string target, List<string> path, HashSet<DesignObject> visiting)
    {
        if (!visiting.Add(current))
        {
            return false;
        }

        foreach (var (name, attribute) in current.Attributes)
        {
            if (!current.IsRequired(name))
            {
                continue;
            }

            var type = context.Index.TypeOf(attribute, name);
            var next = context.Index.ObjectOf(type);
            if (next is null)
            {
                continue;
            }

            path.Add($"{current.TypeName ?? "object"}.{name}");
            if (next.TypeName == target || FindCycle(next, target, path, visiting))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
        }

        return false;
    }
}
