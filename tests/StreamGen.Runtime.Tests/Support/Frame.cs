using System.Buffers.Binary;
using System.Text;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>One parsed frame: flags, opcode, header length and the (unmasked) payload.</summary>
internal sealed record Frame(bool Fin, int Opcode, bool Masked, int HeaderLength, byte[] Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public int CloseStatus => BinaryPrimitives.ReadUInt16BigEndian(Payload);

    public string CloseReason => Encoding.UTF8.GetString(Payload.AsSpan(2));
}
