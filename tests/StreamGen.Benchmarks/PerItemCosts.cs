using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Acme.Logger;
using Acme.Logger.Runtime;

namespace StreamGen.Benchmarks;

/// <summary>
/// The per-item work the generated code does beyond the baselines, timed alone on one thread: what the throughput
/// rows cannot separate from the network. Printed with --diag.
/// </summary>
internal static class PerItemCosts
{
    private static readonly string[] Rfc3339Formats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK"];

    public static void Print(SubscribeResult item, int iterations)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(item, LoggerJsonContext.Default.SubscribeResult);
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var response = LoggerProtoMapper.ToSubscribeResponse(item);
        var sink = 0;

        Console.WriteLine($"Per-item CPU, one thread, {json.Length} B item ({iterations:N0} iterations): ns/item, B allocated/item");
        Time("JSON serialize (both WS servers)", () =>
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, item, LoggerJsonContext.Default.SubscribeResult);
            writer.Flush();
        });
        Time("JSON deserialize (both WS clients)", () => sink += JsonSerializer.Deserialize(json, LoggerJsonReader.SubscribeResult)!.Message.Length);
        Time("SubscribeResult.Validate (generated clients only)", () =>
        {
            ValidationErrors? errors = null;
            item.Validate(ref errors);
            sink += errors is null ? 0 : 1;
        });
        Time("  of which StringFormats.IsValid(DateTime)", () => sink += StringFormats.IsValid(StringFormat.DateTime, item.Timestamp) ? 0 : 1);
        Time("  same parse with a cached formats array", () =>
            sink += DateTimeOffset.TryParseExact(item.Timestamp, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? 0 : 1);
        Time("LoggerProtoMapper.ToSubscribeResponse (gen gRPC server)", () => sink += LoggerProtoMapper.ToSubscribeResponse(item).Message.Length);
        Time("LoggerProtoMapper.FromProto (gen gRPC client)", () => sink += LoggerProtoMapper.FromProto(response).Message.Length);
        GC.KeepAlive(sink);
        Console.WriteLine();

        void Time(string name, Action body)
        {
            for (var i = 0; i < iterations / 10; i++)
            {
                body();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"  {name,-56} {elapsed.TotalNanoseconds / iterations,8:N0} ns {(double)allocated / iterations,8:N0} B");
        }
    }
}
