namespace StreamGen.Model.Cli;

/// <summary>Which <c>Runtime::CliOptions</c> factory creates an option, by what the option's value is.</summary>
public enum CliOptionKind
{
    /// <summary>A file path the CLI adds for a raw body (<c>--file</c>, <c>--output</c>): <c>Value&lt;string?&gt;</c>.</summary>
    Path,

    /// <summary>The view results print in (<c>--view</c>): <c>Enum&lt;TView&gt;</c> over the result type's view enum.</summary>
    View,

    /// <summary>An attribute of an enum type: <c>Enum&lt;TEnum&gt;</c>, its wire names as the accepted values.</summary>
    Enum,

    /// <summary>A primitive attribute without a default: <c>Value&lt;T&gt;</c>.</summary>
    Value,

    /// <summary>A primitive attribute with a default: <c>Defaulted&lt;T&gt;</c>.</summary>
    Defaulted,

    /// <summary>Anything else (objects, collections, bytes, Any): <c>Json&lt;T&gt;</c>, the value given as JSON.</summary>
    Json,
}
