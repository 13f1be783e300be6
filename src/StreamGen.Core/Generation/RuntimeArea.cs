namespace StreamGen.Generation;

/// <summary>The areas of the runtime library, one top-level folder each, shipped only to designs that use them.</summary>
public enum RuntimeArea
{
    /// <summary>Errors, validation and received messages: every design.</summary>
    Core,

    /// <summary>Where the generated host listens: every design.</summary>
    Hosting,

    /// <summary>HTTP, WebSockets and Server-Sent Events: designs with HTTP routes.</summary>
    Http,

    /// <summary>gRPC errors and stream adapters: designs with gRPC services.</summary>
    Grpc,

    /// <summary>The generated command-line client's calls, input and output (on System.CommandLine): copied only into a CLI (<c>gen --cli</c>).</summary>
    Cli,

    /// <summary>ASP.NET Core authentication handlers, authorization policies and refusals: designs with security schemes.</summary>
    Security,
}
