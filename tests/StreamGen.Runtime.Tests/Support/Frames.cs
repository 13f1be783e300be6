using System.Buffers.Binary;
using System.Text;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>RFC 6455 frames built and read byte by byte, independently of the code under test.</summary>
internal static class Frames
{
    /// <summary>A frame as a server sends it (unmasked) or, with <paramref name="mask"/>, as a client must.</summary>
    public static byte[] Build(int opcode, ReadOnlySpan<byte> payload, bool fin = true, byte[]? mask = null, int rsv = 0)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | (rsv << 4) | opcode) };
        var maskBit = mask is null ? 0 : 0x80;
        if (payload.Length <= 125)
        {
            header.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add((byte)(maskBit | 126));
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }

        var body = payload.ToArray();
        if (mask is not null)
        {
            header.AddRange(mask);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i % 4];
            }
        }

        return [.. header, .. body];
    }

    public static byte[] Text(string text, bool fin = true) => Build(0x1, Encoding.UTF8.GetBytes(text), fin);

    public static byte[] Close(int status, string reason)
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return Build(0x8, payload);
    }

    /// <summary>Reads every frame in <paramref name="bytes"/>, unmasking masked ones.</summary>
    public static IReadOnlyList<Frame> Parse(ReadOnlySpan<byte> bytes)
    {
        var frames = new List<Frame>();
        while (!bytes.IsEmpty)
        {
            var fin = (bytes[0] & 0x80) != 0;
            var opcode = bytes[0] & 0x0F;
            var masked = (bytes[1] & 0x80) != 0;
            long length = bytes[1] & 0x7F;
            var offset = 2;
            if (length == 126)
            {
                length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
                offset = 4;
            }
            else if (length == 127)
            {
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
                offset = 10;
            }

            byte[]? mask = null;
            if (masked)
            {
                mask = bytes.Slice(offset, 4).ToArray();
                offset += 4;
            }

            var payload = bytes.Slice(offset, (int)length).ToArray();
            if (mask is not null)
            {
                for (var i = 0; i < payload.Length; i++)
                {
                    payload[i] ^= mask[i % 4];
                }
            }

            frames.Add(new Frame(fin, opcode, masked, offset, payload));
            bytes = bytes[(offset + (int)length)..];
        }

        return frames;
    }
}
