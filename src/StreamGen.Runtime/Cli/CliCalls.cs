namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.CommandLine;
using global::System.IO;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The calls of a generated command-line client, one method per shape: a generated command builds the payload from its
/// options, opens the call on the design's client interface and hands it here, so what a stream kind does at the
/// terminal (print each item as it arrives, read NDJSON items from standard input, both at once, stream a file) is
/// written once. Ctrl+C cancels the call; a stream is then disposed, which closes it cleanly (WebSocket close 1000,
/// gRPC cancel), and the command exits with 0. Failures map to <see cref="CliExitCodes"/> through <see cref="CliFailures"/>.
/// </summary>
public static class CliCalls
{
    /// <summary>Runs one command: the session for <paramref name="method"/>, the call, and its exit code.</summary>
    public static async Task<int> RunAsync(
        ParseResult parse, CliGlobalOptions options, string method, IReadOnlyList<string> transports, Func<CliSession, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(call);
        var error = parse.InvocationConfiguration.Error;
        try
        {
            using var session = CliSession.Create(parse, options, method, transports);
            await call(session, cancellationToken).ConfigureAwait(false);
            return CliExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliExitCodes.Ok;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return CliFailures.Report(e, error);
        }
    }

    /// <summary>The payload, checked with the design's rules before anything is sent: a broken rule is a usage error in the server's words.</summary>
    public static T Checked<T>(T payload)
    {
        try
        {
            return Validation.Validated(payload);
        }
        catch (ValidationException e)
        {
            throw new CliUsageException(e.Message, e);
        }
    }

    /// <summary>A unary call: prints its result.</summary>
    public static async Task UnaryAsync<TResult>(CliSession session, Func<CancellationToken, Task<TResult>> call, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        session.Output.Write(await call(cancellationToken).ConfigureAwait(false), resultInfo);
    }

    /// <summary>A unary call without a result: prints nothing.</summary>
    public static async Task UnaryAsync(CliSession session, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await call(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A server stream: prints every item as it arrives, until the server ends the stream or Ctrl+C.</summary>
    public static async Task ServerStreamAsync<TStream, TResult>(
        CliSession session, Func<CancellationToken, Task<TStream>> open, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
        where TStream : IMessageReceiver<TResult>, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await PrintAsync(session, stream, resultInfo, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A client stream with a result: sends each NDJSON line of standard input, then, at its end, prints the result.</summary>
    public static async Task ClientStreamAsync<TStream, TItem, TResult>(
        CliSession session, Func<CancellationToken, Task<TStream>> open, JsonTypeInfo<TItem> itemReader, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
        where TStream : IStreamSender<TItem>, IStreamResultReceiver<TResult>, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await SendAllAsync(session, stream, itemReader, cancellationToken).ConfigureAwait(false);
            session.Output.Write(await stream.CloseAndRecvAsync(cancellationToken).ConfigureAwait(false), resultInfo);
        }
    }

    /// <summary>A client stream without a result: sends each NDJSON line of standard input, then closes the stream.</summary>
    public static async Task ClientStreamAsync<TStream, TItem>(
        CliSession session, Func<CancellationToken, Task<TStream>> open, JsonTypeInfo<TItem> itemReader, CancellationToken cancellationToken)
        where TStream : IStreamSender<TItem>, IStreamCloser, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await SendAllAsync(session, stream, itemReader, cancellationToken).ConfigureAwait(false);
            await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A bidirectional stream: sends each NDJSON line of standard input while printing every item received; at the end
    /// of the input it closes its sending half and prints until the server ends the stream. The server ending first
    /// ends the command, whatever is left of the input.
    /// </summary>
    public static async Task BidirectionalAsync<TStream, TItem, TResult>(
        CliSession session, Func<CancellationToken, Task<TStream>> open, JsonTypeInfo<TItem> itemReader, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
        where TStream : IStreamSender<TItem>, IMessageReceiver<TResult>, IStreamCloser, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var send = SendThenCloseAsync<TStream, TItem>(session, stream, itemReader, sending.Token);
            var receive = PrintAsync(session, stream, resultInfo, cancellationToken);
            if (await Task.WhenAny(send, receive).ConfigureAwait(false) == send)
            {
                // A bad input line fails the command at once; the stream is then abandoned (disposed).
                await send.ConfigureAwait(false);
                await receive.ConfigureAwait(false);
                return;
            }

            // The server ended the stream: reading standard input any further is pointless (and may never return).
            await sending.CancelAsync().ConfigureAwait(false);
            await receive.ConfigureAwait(false);
        }
    }

    /// <summary>A raw request body: streams the file (standard input without one) and prints the result.</summary>
    public static async Task UploadAsync<TResult>(
        CliSession session, string? file, Func<Stream, CancellationToken, Task<TResult>> call, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        var (body, progress) = OpenUpload(session, file);
        await using (body.ConfigureAwait(false))
        {
            var result = await call(body, cancellationToken).ConfigureAwait(false);
            progress.Complete();
            session.Output.Write(result, resultInfo);
        }
    }

    /// <summary>A raw request body without a result.</summary>
    public static async Task UploadAsync(CliSession session, string? file, Func<Stream, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        var (body, progress) = OpenUpload(session, file);
        await using (body.ConfigureAwait(false))
        {
            await call(body, cancellationToken).ConfigureAwait(false);
            progress.Complete();
        }
    }

    /// <summary>
    /// A raw response body: copied as it arrives into the file (then a JSON line with the file and its byte count is
    /// printed), or to standard output without one.
    /// </summary>
    public static async Task DownloadAsync(CliSession session, string? file, Func<CancellationToken, Task<Stream>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        var body = await call(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await SaveAsync(session, file, body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A raw request body and a raw response body: the file (or standard input) up, the response down.</summary>
    public static async Task UploadDownloadAsync(
        CliSession session, string? file, string? outputFile, Func<Stream, CancellationToken, Task<Stream>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        var (body, progress) = OpenUpload(session, file);
        await using (body.ConfigureAwait(false))
        {
            var response = await call(body, cancellationToken).ConfigureAwait(false);
            progress.Complete();
            await using (response.ConfigureAwait(false))
            {
                await SaveAsync(session, outputFile, response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task PrintAsync<TResult>(CliSession session, IMessageReceiver<TResult> stream, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        while (await stream.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { HasValue: true } received)
        {
            session.Output.Write(received.Value, resultInfo, streaming: true);
        }
    }

    /// <summary>
    /// Sends every item of standard input. Console input reads block whatever their signature says, so they run on a
    /// thread of their own, and Ctrl+C (or the server ending a bidirectional stream) abandons a read that never returns.
    /// </summary>
    private static Task SendAllAsync<TItem>(CliSession session, IStreamSender<TItem> stream, JsonTypeInfo<TItem> itemReader, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await foreach (var item in CliInput.ReadAsync(session.Input, itemReader, cancellationToken).ConfigureAwait(false))
                {
                    await stream.SendAsync(item, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).WaitAsync(cancellationToken);

    private static async Task SendThenCloseAsync<TStream, TItem>(CliSession session, TStream stream, JsonTypeInfo<TItem> itemReader, CancellationToken cancellationToken)
        where TStream : IStreamSender<TItem>, IStreamCloser
    {
        await SendAllAsync(session, stream, itemReader, cancellationToken).ConfigureAwait(false);
        await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (Stream Body, CliProgress Progress) OpenUpload(CliSession session, string? file)
    {
        if (file is null or "-")
        {
            return (Console.OpenStandardInput(), CliProgress.None);
        }

        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new CliUsageException($"cannot read '{file}': no such file.");
        }

        var progress = CliProgress.ForTerminal(session.Error, info.Length);
        return (new CliProgressStream(info.OpenRead(), progress), progress);
    }

    private static async Task SaveAsync(CliSession session, string? file, Stream body, CancellationToken cancellationToken)
    {
        if (file is null or "-")
        {
            var output = Console.OpenStandardOutput();
            await using (output.ConfigureAwait(false))
            {
                await body.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var progress = CliProgress.ForTerminal(session.Error, null);
        var target = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (target.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                progress.Add(read);
            }
        }

        progress.Complete();
        session.Output.Write(new CliDownload(file, progress.Bytes), CliJsonContext.Default.CliDownload);
    }
}
