namespace StreamGen.Model;

/// <summary>The shape of a method, from which of streamingPayload/streamingResult it has.</summary>
public enum StreamKind
{
    None,
    Server,
    Client,
    Bidirectional,
}
