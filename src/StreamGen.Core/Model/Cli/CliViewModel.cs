namespace StreamGen.Model.Cli;

/// <summary>The <c>--view</c> option of a command whose results have views: the result type, its view enum and the option's local.</summary>
public sealed record CliViewModel(string ResultTypeName, string ViewEnumName, string OptionLocal);
