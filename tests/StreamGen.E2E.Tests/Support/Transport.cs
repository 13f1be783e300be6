namespace StreamGen.E2E.Tests.Support;

/// <summary>The two transports every shared scenario runs over, with the same assertions.</summary>
public enum Transport
{
    WebSocket,
    Grpc,
}

public static class Transports
{
    public static TheoryData<Transport> Both => new(Transport.WebSocket, Transport.Grpc);
}
