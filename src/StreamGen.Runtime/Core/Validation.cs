namespace StreamGen.Runtime;

using global::System.Collections;
using global::System.Collections.Generic;

/// <summary>
/// The design rules of a value of any type a method carries: a record checks itself (<see cref="IValidatable"/>), a list
/// of records checks each item and a map of records each value (field paths <c>body[2].name</c>, <c>body[key].name</c>),
/// a primitive has no rules. The transports call it on every payload, result and streamed message, so it is typed at
/// compile time where it can be and allocates nothing while all is well.
/// </summary>
public static class Validation
{
    /// <summary>Adds each broken rule of <paramref name="value"/> to <paramref name="errors"/>, naming collection items after <paramref name="field"/>.</summary>
    public static void Validate<T>(T value, string field, ref ValidationErrors? errors)
    {
        // Value types (primitives, JsonElement) have no rules; for them the JIT removes everything below.
        if (typeof(T).IsValueType)
        {
            return;
        }

        switch (value)
        {
            case IValidatable validatable:
                validatable.Validate(ref errors);
                break;
            case IReadOnlyList<IValidatable> items:
                Check.Items(ref errors, field, items);
                break;
            case IDictionary map when ValidationShape<T>.HasValidatableValues:
                foreach (DictionaryEntry entry in map)
                {
                    Check.Value(ref errors, $"{field}[{entry.Key}]", entry.Value as IValidatable);
                }

                break;
        }
    }

    /// <summary>
    /// <paramref name="value"/> when neither decoding it (<paramref name="errors"/>, from path, query, headers or metadata)
    /// nor its rules found a problem; otherwise a <see cref="ValidationException"/> listing every broken rule. The rules
    /// are checked only on a value that decoded, so a missing or malformed attribute is not reported twice.
    /// </summary>
    public static T Validated<T>(T value, ValidationErrors? errors = null, string field = "body")
    {
        if (errors is null)
        {
            Validate(value, field, ref errors);
        }

        return errors is null ? value : throw errors.ToException();
    }

    /// <summary>Throws a <see cref="ValidationException"/> for the problems found decoding a value, if any.</summary>
    public static void ThrowIfAny(ValidationErrors? errors)
    {
        if (errors is not null)
        {
            throw errors.ToException();
        }
    }

    /// <summary>Throws a <see cref="ValidationException"/> listing every broken rule of <paramref name="value"/>.</summary>
    public static void ThrowIfInvalid<T>(T value, string field = "body") => _ = Validated(value, null, field);
}
