namespace StreamGen.Design;

/// <summary>The part a type plays in a method: Goa's Payload, StreamingPayload, Result and StreamingResult.</summary>
public enum TypeRole
{
    Payload,
    StreamingPayload,
    Result,
    StreamingResult,
}
