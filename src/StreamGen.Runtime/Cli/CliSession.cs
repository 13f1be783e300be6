namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.CommandLine;
using global::System.IO;
using global::System.Linq;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// One invocation of a generated command-line client: the transport and server address chosen for the method, where
/// results go (<see cref="Output"/>), where stream items and raw bodies come from, and what it opened (closed with it).
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private HttpClient? _http;

    private CliSession(string method, string transport, Uri url, CliOutput output, TextReader input, TextWriter error)
    {
        Method = method;
        Transport = transport;
        Url = url;
        Output = output;
        Input = input;
        Error = error;
    }

    /// <summary>The design's name of the method (<c>logger.subscribe</c>), for messages.</summary>
    public string Method { get; }

    /// <summary>The transport chosen: <c>ws</c>, <c>sse</c>, <c>http</c> or <c>grpc</c>.</summary>
    public string Transport { get; }

    public bool IsGrpc => Transport == "grpc";

    public Uri Url { get; }

    public CliOutput Output { get; }

    /// <summary>Standard input: NDJSON stream items, one a line.</summary>
    public TextReader Input { get; }

    public TextWriter Error { get; }

    /// <summary>
    /// What secured methods send, from the environment so that no secret appears in a command line or shell history:
    /// <c>STREAMGEN_API_KEY</c> (apiKey schemes), <c>STREAMGEN_TOKEN</c> (jwt and oauth2 bearer tokens),
    /// <c>STREAMGEN_USERNAME</c> and <c>STREAMGEN_PASSWORD</c> (basic); null when none is set.
    /// </summary>
    public ClientCredentials? Credentials { get; } = CredentialsFromEnvironment();

    /// <summary>Options of the HTTP clients: the <see cref="Credentials"/>.</summary>
    public StreamGenClientOptions ClientOptions => new() { Credentials = Credentials };

    private static ClientCredentials? CredentialsFromEnvironment()
    {
        var key = Environment.GetEnvironmentVariable("STREAMGEN_API_KEY");
        var token = Environment.GetEnvironmentVariable("STREAMGEN_TOKEN");
        var username = Environment.GetEnvironmentVariable("STREAMGEN_USERNAME");
        var password = Environment.GetEnvironmentVariable("STREAMGEN_PASSWORD");
        if (key is null && token is null && username is null)
        {
            return null;
        }

        return new ClientCredentials
        {
            ApiKey = key,
            AccessToken = token is null ? null : _ => ValueTask.FromResult<string?>(token),
            Username = username,
            Password = username is null ? null : password ?? "",
        };
    }

    /// <summary>An HTTP client for the server, without a timeout (streams last as long as they last).</summary>
    public HttpClient Http => _http ??= Own(new HttpClient { BaseAddress = Url, Timeout = Timeout.InfiniteTimeSpan });

    /// <summary>
    /// The session of a method served over <paramref name="transports"/> (its HTTP mapping first, then <c>grpc</c>): the
    /// one <c>--transport</c> names (<c>http</c> stands for any HTTP mapping), else the first; a transport the method is
    /// not served over is a usage error naming those it is.
    /// </summary>
    public static CliSession Create(ParseResult parse, CliGlobalOptions options, string method, IReadOnlyList<string> transports)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transports);
        var requested = parse.GetValue(options.Transport);
        var transport = requested switch
        {
            null => transports[0],
            "http" => transports.FirstOrDefault(t => t != "grpc"),
            _ => transports.Contains(requested) ? requested : null,
        } ?? throw new CliUsageException($"{method} is not served over {requested}; it is served over {string.Join(" and ", transports)}.");
        var url = parse.GetValue(options.Url) ?? new Uri((transport == "grpc" ? options.GrpcUrl : options.HttpUrl)!);
        var configuration = parse.InvocationConfiguration;
        return new CliSession(method, transport, url, new CliOutput(configuration.Output, parse.GetValue(options.Format)), Console.In, configuration.Error);
    }

    /// <summary>Closes <paramref name="resource"/> (a gRPC channel) with the session.</summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    public void Dispose()
    {
        foreach (var resource in Enumerable.Reverse(_owned))
        {
            resource.Dispose();
        }

        _owned.Clear();
    }
}
