namespace StreamGen.Model.Cli;

/// <summary>One option of a method's command: its C# local and the expression creating it (name, description, help name, required, default).</summary>
public sealed record CliOptionModel(string Name, string Local, string Create);
