namespace StreamGen.Runtime.Tests.Support;

/// <summary>Stands for a protoc-generated message: the adapters convert it to and from <see cref="Message"/>.</summary>
public sealed record ProtoMessage(string Text, int Version = 1);
