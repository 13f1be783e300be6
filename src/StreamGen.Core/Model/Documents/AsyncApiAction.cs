namespace StreamGen.Model.Documents;

/// <summary>What the client does on a channel: send its stream, or receive the server's.</summary>
public enum AsyncApiAction
{
    Send,
    Receive,
}
