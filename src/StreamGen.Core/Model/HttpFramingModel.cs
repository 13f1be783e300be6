namespace StreamGen.Model;

/// <summary>
/// One framing a streaming route answers in: the runtime's <c>StreamFraming</c> member that selects it, what the
/// documentation calls it, its server and client stream classes, the runtime call a client opens it with, and the
/// <see cref="System.Net.Http.HttpMethod"/> member that call takes first when the stream is a request body (<c>Post</c>;
/// null for the others, which open with GET).
/// </summary>
public sealed record HttpFramingModel(string Member, string Description, StreamClassModel ServerStream, StreamClassModel ClientStream, string Connect, string? VerbMember = null);
