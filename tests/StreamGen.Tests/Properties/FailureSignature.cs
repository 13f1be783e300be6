using System.Text.RegularExpressions;

namespace StreamGen.Tests.Properties;

/// <summary>
/// What a failure is, without the names of the design that showed it: the compiler's id and message with quoted names
/// blanked, and the kind of generated file (<c>gen/Types/*</c>). Failures with one signature are one kind, shrunk once.
/// </summary>
internal static partial class FailureSignature
{
    public static string Of(string problem)
    {
        if (problem.StartsWith("protoc failed", StringComparison.Ordinal))
        {
            var message = problem.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(".proto:", StringComparison.Ordinal)) ?? problem;
            return "protoc: " + Blank(ProtoLocation().Replace(message, ""));
        }

        if (CompilerProblem().Match(problem) is { Success: true } match)
        {
            return $"{Category(match.Groups["file"].Value)}: {match.Groups["id"].Value} {Blank(match.Groups["message"].Value)}";
        }

        return Blank(problem);
    }

    /// <summary>Which part of the output a file is, without the design's names: types, runtime, http, grpc, service, scaffold, protoc.</summary>
    private static string Category(string file)
    {
        if (Path.IsPathRooted(file) || file.Contains("/protoc/", StringComparison.Ordinal))
        {
            return "protoc output";
        }

        var parts = file.Split('/');
        var directory = parts.Length > 1 ? parts[^2] : "";
        return directory is "Types" or "Runtime" or "Http" or "Grpc" ? directory.ToLowerInvariant()
            : parts.Contains("gen") ? (parts.Length == 2 ? "root" : "service")
            : "scaffold";
    }

    private static string Blank(string message) => Quoted().Replace(message, "'…'");

    [GeneratedRegex(@"^(?<file>[^(]*)\(\d+,\d+\): (error|warning) (?<id>\w+): (?<message>.*)$")]
    private static partial Regex CompilerProblem();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\S+\.proto:\d+:\d+:\s*")]
    private static partial Regex ProtoLocation();
}
