namespace StreamGen.Design.Types;

/// <summary>
/// Parses type expressions. Returns null and an error message (for SG2001) on malformed input such as
/// <c>ArrayOf(</c>, <c>MapOf(String)</c> or <c>ListOf(String)</c>; names are not resolved here.
/// </summary>
public static class TypeExpressionParser
{
    /// <summary>Deepest nesting of ArrayOf/MapOf accepted; the parser and every later stage recurse over it.</summary>
    public const int MaxDepth = 32;

    public static TypeExpression? Parse(string text, out string? error)
    {
        var reader = new Reader(text);
        try
        {
            var expression = reader.ParseExpression();
            reader.SkipSpaces();
            if (!reader.AtEnd)
            {
                throw new FormatException($"unexpected '{reader.Rest}' after {expression}");
            }

            error = null;
            return expression;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private sealed class Reader(string text)
    {
        private int _position;
        private int _depth;

        public bool AtEnd => _position >= text.Length;

        public string Rest => text[_position..];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        public TypeExpression ParseExpression()
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException($"type arguments nested more than {MaxDepth} deep");
            }

            try
            {
                return ParseNested();
            }
            finally
            {
                _depth--;
            }
        }

        private TypeExpression ParseNested()
        {
            SkipSpaces();
            var name = ReadIdentifier();
            SkipSpaces();
            var hasArguments = !AtEnd && text[_position] == '(';
            switch (name)
            {
                case "ArrayOf":
                {
                    var arguments = ReadArguments(name);
                    return arguments.Count == 1
                        ? new ArrayTypeExpression(arguments[0])
                        : throw new FormatException($"ArrayOf takes one type argument, found {arguments.Count}");
                }

                case "MapOf":
                {
                    var arguments = ReadArguments(name);
                    return arguments.Count == 2
                        ? new MapTypeExpression(arguments[0], arguments[1])
                        : throw new FormatException($"MapOf takes two type arguments (key, value), found {arguments.Count}");
                }

                default:
                    if (hasArguments)
                    {
                        throw new FormatException($"'{name}' takes no type arguments; the type constructors are ArrayOf and MapOf");
                    }

                    return PrimitiveKinds.TryParse(name, out var kind) ? new PrimitiveTypeExpression(kind) : new NamedTypeExpression(name);
            }
        }

        private List<TypeExpression> ReadArguments(string constructor)
        {
            SkipSpaces();
            if (AtEnd || text[_position] != '(')
            {
                throw new FormatException($"{constructor} needs its type arguments in parentheses");
            }

            _position++;
            var arguments = new List<TypeExpression>();
            while (true)
            {
                arguments.Add(ParseExpression());
                SkipSpaces();
                if (AtEnd)
                {
                    throw new FormatException($"missing ')' to close {constructor}(");
                }

                var next = text[_position++];
                if (next == ')')
                {
                    return arguments;
                }

                if (next != ',')
                {
                    throw new FormatException($"expected ',' or ')' in {constructor}(...), found '{next}'");
                }
            }
        }

        private string ReadIdentifier()
        {
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw new FormatException(AtEnd ? "a type name is missing" : $"expected a type name, found '{text[_position]}'");
            }

            return text[start.._position];
        }
    }
}
