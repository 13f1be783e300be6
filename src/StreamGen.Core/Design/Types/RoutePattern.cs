namespace StreamGen.Design.Types;

/// <summary>A route such as <c>/logs/{topic}/stream</c>: its literal text and the names of its <c>{param}</c>s, in order.</summary>
public sealed record RoutePattern(string Text, IReadOnlyList<string> Parameters)
{
    /// <summary>The route with parameter names erased, so <c>/a/{x}</c> and <c>/a/{y}</c> compare equal.</summary>
    public string Shape => string.Join("/", Text.Split('/').Select(s => s.StartsWith('{') ? "{}" : s));

    public static RoutePattern? Parse(string text, out string? error)
    {
        error = null;
        if (!text.StartsWith('/'))
        {
            error = "a path starts with '/'";
            return null;
        }

        var parameters = new List<string>();
        var index = 0;
        while ((index = text.IndexOfAny(['{', '}'], index)) >= 0)
        {
            if (text[index] == '}')
            {
                error = $"'}}' at {index + 1} closes nothing";
                return null;
            }

            var close = text.IndexOf('}', index);
            if (close < 0)
            {
                error = $"'{{' at {index + 1} is not closed";
                return null;
            }

            var name = text[(index + 1)..close];
            if (!Naming.CSharpNaming.IsDesignIdentifier(name))
            {
                error = name.Length == 0 ? "'{}' names no parameter" : $"'{{{name}}}' is not a parameter name";
                return null;
            }

            if (parameters.Contains(name))
            {
                error = $"'{{{name}}}' appears twice";
                return null;
            }

            var segmentStart = text.LastIndexOf('/', index);
            var segmentEnd = text.IndexOf('/', close);
            if (segmentStart != index - 1 || (segmentEnd != -1 && segmentEnd != close + 1) || (segmentEnd == -1 && close != text.Length - 1))
            {
                error = $"'{{{name}}}' must be a whole path segment";
                return null;
            }

            parameters.Add(name);
            index = close + 1;
        }

        if (text.Contains("//", StringComparison.Ordinal) || text.Contains('?') || text.Contains('#'))
        {
            error = "a path has no empty segment, query or fragment";
            return null;
        }

        return new RoutePattern(text, parameters);
    }

    /// <summary>Joins a service base path and a method route: <c>/api</c> + <c>/logs</c> → <c>/api/logs</c>.</summary>
    public static string Join(string? basePath, string route) =>
        string.IsNullOrEmpty(basePath) || basePath == "/" ? route : basePath.TrimEnd('/') + (route == "/" ? "" : route);
}
