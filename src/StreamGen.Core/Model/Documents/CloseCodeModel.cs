namespace StreamGen.Model.Documents;

/// <summary>A WebSocket close code of the wire protocol and when a stream ends with it.</summary>
public sealed record CloseCodeModel(int Code, string Name, string Meaning);
