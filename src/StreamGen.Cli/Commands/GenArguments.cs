using StreamGen.Generation;
using StreamGen.Model;
using StreamGen.Diagnostics;

namespace StreamGen.Cli.Commands;

/// <summary>
/// The list-valued options of <c>gen</c>. Items are separated by commas or semicolons (MSBuild's list separator, so
/// item metadata passes through as written), case-insensitive; an unknown item is a usage error with a did-you-mean.
/// </summary>
internal static class GenArguments
{
    private static readonly Dictionary<string, Transports> TransportNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = Model.Transports.Http,
        ["grpc"] = Model.Transports.Grpc,
    };

    private static readonly Dictionary<string, ScaffoldKinds> ScaffoldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["project"] = ScaffoldKinds.Project,
        ["program"] = ScaffoldKinds.Program,
        ["service"] = ScaffoldKinds.Service,
        ["none"] = ScaffoldKinds.None,
    };

    /// <summary>Null when the option is absent: every transport the design maps.</summary>
    public static Transports? Transports(string? value) =>
        value is null ? null : Parse("--transports", value, TransportNames, Model.Transports.None);

    public static ScaffoldKinds Scaffold(string? value) =>
        value is null ? ScaffoldKinds.All : Parse("--scaffold", value, ScaffoldNames, ScaffoldKinds.None);

    private static T Parse<T>(string option, string value, Dictionary<string, T> names, T none)
        where T : struct, Enum
    {
        var items = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            throw new UsageException($"{option} is empty: give one or more of {string.Join(", ", names.Keys)}.");
        }

        var result = Convert.ToInt32(none, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var item in items)
        {
            if (!names.TryGetValue(item, out var flag))
            {
                var hint = NameSuggester.Hint(item, names.Keys);
                throw new UsageException($"{option}: '{item}' is not one of {string.Join(", ", names.Keys)}{(hint is null ? "" : $" ({hint})")}.");
            }

            result |= Convert.ToInt32(flag, System.Globalization.CultureInfo.InvariantCulture);
        }

        return (T)Enum.ToObject(typeof(T), result);
    }
}
