namespace StreamGen.Runtime;

/// <summary>The frame opcodes this writer sends (RFC 6455 section 5.2).</summary>
public enum WebSocketOpcode
{
    Text = 0x1,
    Binary = 0x2,
}
