using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.Benchmarks;

/// <summary>
/// Issue 11, point 0: the runtime's direct SSE writer (<see cref="ServerSentEventsStream{T}"/>, which writes each event
/// straight into the response's PipeWriter and flushes it) against <see cref="SseFormatter"/> of
/// System.Net.ServerSentEvents for the same events (<c>event:</c>, <c>data:</c> the JSON record, <c>id:</c>, as the
/// logger's <c>events</c> sends them), ~100 B and ~4 KiB, in process, into the same discarding sink, flushed per event
/// both ways. The formatter is the baseline: the direct writer stays only while it is faster by more than the noise.
/// </summary>
internal sealed class SseWriterBenchmark : IBenchmark
{
    private const string EventType = "info";

    public string Name => "sse-writer";

    public string Description => "the runtime's direct SSE PipeWriter writer vs System.Net.ServerSentEvents.SseFormatter, same events, 100 B and 4 KiB";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        foreach (var (size, count) in new[] { (100, context.Pick(400_000, 2_000)), (4096, context.Pick(60_000, 500)) })
        {
            var item = Workload.Create(size);
            var record = new LogRecord { Id = "1234567", Timestamp = item.Timestamp, Topic = item.Topic, Message = item.Message, Level = item.Level };
            var label = $"{JsonSerializer.SerializeToUtf8Bytes(record, LoggerJsonContext.Default.LogRecord).Length} B";
            List<Subject> subjects =
            [
                new("SseFormatter (System.Net.ServerSentEvents)", token => Round.ThroughputAsync(label, count, () => FormatterAsync(record, count, token))),
                new("direct PipeWriter writer (ServerSentEventsStream)", token => Round.ThroughputAsync(label, count, () => DirectAsync(services, record, count, token))),
                new("direct writer alone (its WriteMessage, flushed)", token => Round.ThroughputAsync(label, count, () => WriterAloneAsync(services, record, count, token))),
            ];
            var result = await Interleaved.RunAsync(subjects, Round.ThroughputMetrics(label), warmups: context.Pick(2, 1), context.Repetitions, cancellationToken);
            context.Table.AddComparison(Name, result);
        }
    }

    private static async Task FormatterAsync(LogRecord record, int count, CancellationToken cancellationToken)
    {
        var sink = new CountingSink();
        using var json = new Utf8JsonWriter(Stream.Null);
        await SseFormatter.WriteAsync(Events(record, count, cancellationToken), sink, (item, buffer) =>
        {
            json.Reset(buffer);
            JsonSerializer.Serialize(json, item.Data, LoggerJsonContext.Default.LogRecord);
            json.Flush();
        }, cancellationToken);
        sink.Verify(count);
    }

    private static async IAsyncEnumerable<SseItem<LogRecord>> Events(LogRecord record, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SseItem<LogRecord>(record, EventType) { EventId = record.Id };
        }

        await Task.CompletedTask;
    }

    private static async Task DirectAsync(IServiceProvider services, LogRecord record, int count, CancellationToken cancellationToken)
    {
        var sink = new CountingSink();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(sink));
        await using (var stream = new BenchEvents(context))
        {
            for (var i = 0; i < count; i++)
            {
                await stream.SendAsync(record, cancellationToken);
            }
        }

        sink.Verify(count);
    }

    /// <summary>
    /// The formatting and flushing alone, without the stream's machinery around it (its write lock, idle and stall
    /// watches, field checks): what a formatter-based stream would replace, the rest it would need as well.
    /// </summary>
    private static async Task WriterAloneAsync(IServiceProvider services, LogRecord record, int count, CancellationToken cancellationToken)
    {
        var sink = new CountingSink();
        var writer = System.IO.Pipelines.PipeWriter.Create(sink);
        await using (var stream = new BenchEvents(new DefaultHttpContext { RequestServices = services }))
        {
            using var json = new Utf8JsonWriter(Stream.Null);
            var fields = new ServerSentEventFields(record.Id, EventType, null);
            for (var i = 0; i < count; i++)
            {
                stream.Write(writer, json, record, fields);
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.CompleteAsync();
        sink.Verify(count);
    }

    /// <summary>The runtime's SSE stream with the logger's fields: the record's id, a fixed event type.</summary>
    private sealed class BenchEvents(HttpContext context) : ServerSentEventsStream<LogRecord>(context, LoggerJsonContext.Default.LogRecord)
    {
        public void Write(System.IO.Pipelines.PipeWriter writer, Utf8JsonWriter json, LogRecord message, in ServerSentEventFields fields) =>
            WriteMessage(writer, json, message, fields);

        protected override ServerSentEventFields Fields(LogRecord message) => new(message.Id, EventType, null);
    }

    /// <summary>Counts the bytes and the events (blank lines) written, and keeps none.</summary>
    private sealed class CountingSink : Stream
    {
        private long _events;
        private bool _lastWasLineEnd;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Verify(int count)
        {
            if (_events != count)
            {
                throw new InvalidOperationException($"expected {count} events, the writer wrote {_events}");
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            // An event ends with an empty line: a line end right after another, maybe across two writes.
            while (buffer.IndexOf((byte)'\n') is var end and >= 0)
            {
                _events += end == 0 && _lastWasLineEnd ? 1 : 0;
                _lastWasLineEnd = true;
                buffer = buffer[(end + 1)..];
            }

            _lastWasLineEnd &= buffer.IsEmpty;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return default;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
