namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// The client end of a stream, as a client's open call returns it: the generated <c>I{Method}ClientStream</c> interfaces
/// derive from this and from the operations their stream kind has. Dispose it to abandon the stream; errors surface as
/// <see cref="ServiceError"/>s (design errors, validation) or <see cref="StreamClosedException"/> (a stream closed abnormally).
/// </summary>
public interface IClientStream : IAsyncDisposable
{
}
