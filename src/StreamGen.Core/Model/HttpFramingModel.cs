namespace StreamGen.Model;

/// <summary>
/// One framing a streaming route answers in: the runtime's <c>StreamFraming</c> member that selects it, what the
/// documentation calls it, its server and client stream classes, and the runtime call a client opens it with.
/// </summary>
public sealed record HttpFramingModel(string Member, string Description, StreamClassModel ServerStream, StreamClassModel ClientStream, string Connect);
