namespace StreamGen.Model.Cli;

/// <summary>A payload record's property (<c>Topic</c>) and the option whose value it gets.</summary>
public sealed record CliAssignmentModel(string PropertyName, CliOptionModel Option);
