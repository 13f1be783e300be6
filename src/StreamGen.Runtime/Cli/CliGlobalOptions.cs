namespace StreamGen.Runtime;

using global::System;
using global::System.CommandLine;
using global::System.Linq;

/// <summary>
/// The options every command of a generated command-line client takes (<c>--url</c>, <c>--transport</c>,
/// <c>--format</c>), declared once on the root command and recursive, as Goa's CLIs take <c>-url</c> and <c>-timeout</c>.
/// </summary>
public sealed class CliGlobalOptions
{
    /// <param name="httpUrl">The HTTP server of the design (<c>http://localhost:8080</c>), when it has HTTP routes.</param>
    /// <param name="grpcUrl">The gRPC server of the design (<c>http://localhost:8081</c>), when it has gRPC services.</param>
    public CliGlobalOptions(string? httpUrl, string? grpcUrl)
    {
        HttpUrl = httpUrl;
        GrpcUrl = grpcUrl;
        var defaults = string.Join(", ", new[] { httpUrl is null ? null : $"{httpUrl} over HTTP", grpcUrl is null ? null : $"{grpcUrl} over gRPC" }.OfType<string>());
        Url = new Option<Uri?>("--url")
        {
            Description = $"The server's address (default: {defaults}).",
            HelpName = "url",
            Recursive = true,
            CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Invalid<Uri>(result, $"'{result.Tokens[0].Value}' is not an http:// or https:// URL"),
        };
        Transport = new Option<string?>("--transport")
        {
            Description = "ws (WebSockets), sse (Server-Sent Events), http (any HTTP mapping) or grpc (default: the method's HTTP mapping, else gRPC).",
            HelpName = "ws|sse|http|grpc",
            Recursive = true,
        };
        Transport.AcceptOnlyFromAmong("ws", "sse", "http", "grpc");
        Format = new Option<CliOutputFormat>("--format")
        {
            Description = "json prints one JSON value a line (for jq and pipes); table prints aligned columns. [default: json]",
            HelpName = "json|table",
            Recursive = true,
            CustomParser = result => result.Tokens.Count == 0 || result.Tokens[0].Value == "json" ? CliOutputFormat.Json
                : result.Tokens[0].Value == "table" ? CliOutputFormat.Table
                : Invalid<CliOutputFormat>(result, $"'{result.Tokens[0].Value}' is not a format: use json or table"),
        };
        Format.CompletionSources.Add("json", "table");
    }

    public string? HttpUrl { get; }

    public string? GrpcUrl { get; }

    public Option<Uri?> Url { get; }

    public Option<string?> Transport { get; }

    public Option<CliOutputFormat> Format { get; }

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Url);
        root.Options.Add(Transport);
        root.Options.Add(Format);
    }

    private static T? Invalid<T>(global::System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
