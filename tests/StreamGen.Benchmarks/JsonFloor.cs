using System.Buffers;
using System.Text.Json;
using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// The floor as a subject of the ws and grpc rounds: each "read" encodes and decodes the workload's item Count times on one
/// thread (the same contracts the generated WebSocket server and client use, no transport), so its CPU per item is
/// measured in the same interleaved rounds as the transports it is the floor of, under the same conditions.
/// </summary>
internal static class JsonFloor
{
    /// <summary>The subject's name in the tables (the floor scenario reads it back from the ws and grpc rows).</summary>
    public const string Subject = "JSON encode + decode alone";

    /// <summary>A scenario of <paramref name="group"/> with no server: its client end is the encode + decode loop.</summary>
    public static Scenario Create(string group) => Scenario.Local(group, Subject, static workload => new ClientEnd(
        cancellationToken => Task.Run(() => Loop(workload.Item, workload.Count), cancellationToken)));

    /// <summary>Encodes and decodes <paramref name="item"/> <paramref name="count"/> times; returns the count.</summary>
    public static int Loop(SubscribeResult item, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var sink = 0;
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, item, LoggerJsonContext.Default.SubscribeResult);
            writer.Flush();
            sink += JsonSerializer.Deserialize(buffer.WrittenSpan, LoggerJsonReader.SubscribeResult)!.Message.Length;
        }

        GC.KeepAlive(sink);
        return count;
    }
}
