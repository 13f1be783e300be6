namespace StreamGen.Runtime;

using global::System.Collections.Generic;

/// <summary>The broken rules of one value. Nested values add theirs, then the caller prefixes their field paths.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<ValidationError> Items => _errors;

    public void Add(string name, string field, string detail) => _errors.Add(new ValidationError(name, field, detail));

    /// <summary>Prefixes the field paths of the errors added since <paramref name="start"/> (<c>message</c> → <c>entries[2].message</c>).</summary>
    public void Prefix(int start, string prefix)
    {
        for (var i = start; i < _errors.Count; i++)
        {
            var error = _errors[i];
            _errors[i] = error with { Field = error.Field.StartsWith('[') ? prefix + error.Field : $"{prefix}.{error.Field}" };
        }
    }

    public ValidationException ToException() => new(_errors);

    /// <summary>Validates <paramref name="value"/> and throws <see cref="ValidationException"/> listing every broken rule.</summary>
    public static void ThrowIfInvalid<T>(T value)
        where T : IValidatable
    {
        ValidationErrors? errors = null;
        value.Validate(ref errors);
        if (errors is not null)
        {
            throw errors.ToException();
        }
    }
}
