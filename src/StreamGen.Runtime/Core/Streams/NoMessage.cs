namespace StreamGen.Runtime;

/// <summary>
/// The message type of the direction a stream kind does not have. The transports' shared stream types are generic in
/// both directions; the kinds (a server stream sends only, a client stream receives only) close the missing one with
/// this type, of which no value exists. Generated code never names it.
/// </summary>
public sealed class NoMessage
{
    private NoMessage()
    {
    }
}
