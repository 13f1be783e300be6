namespace StreamGen.Model.Cli;

/// <summary>How a command reads an option's value into the payload (<c>parse</c> is System.CommandLine's ParseResult).</summary>
public enum CliOptionRead
{
    /// <summary><c>parse.GetValue(option)</c>: null when not given.</summary>
    Value,

    /// <summary><c>parse.GetRequiredValue(option)</c>: required, or defaulted by the option itself.</summary>
    Required,

    /// <summary><c>parse.GetRequiredValue(option)!</c>: a required JSON value (the JSON <c>null</c> is refused by validation).</summary>
    RequiredNotNull,

    /// <summary><c>parse.GetValue(option).GetValueOrDefault()</c>: a required enum (the option's type is nullable).</summary>
    RequiredEnum,

    /// <summary><c>parse.GetValue(option) ?? DEFAULT</c>: the design's default when the option is not given.</summary>
    OrDefault,
}
