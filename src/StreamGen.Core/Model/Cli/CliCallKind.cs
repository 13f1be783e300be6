namespace StreamGen.Model.Cli;

/// <summary>The <c>Runtime::CliCalls</c> method that runs a command, by the method's stream kind and raw bodies.</summary>
public enum CliCallKind
{
    /// <summary><c>UnaryAsync</c>: prints the result, if any.</summary>
    Unary,

    /// <summary><c>UploadAsync</c>: a raw request body from a file or standard input.</summary>
    Upload,

    /// <summary><c>DownloadAsync</c>: a raw response body into a file or standard output.</summary>
    Download,

    /// <summary><c>UploadDownloadAsync</c>: both raw bodies.</summary>
    UploadDownload,

    /// <summary><c>ServerStreamAsync</c>: prints each result as it arrives.</summary>
    ServerStream,

    /// <summary><c>ClientStreamAsync</c>: sends JSON lines read from standard input, then prints the result, if any.</summary>
    ClientStream,

    /// <summary><c>BidirectionalAsync</c>: sends standard input's lines while printing the results.</summary>
    Bidirectional,
}
