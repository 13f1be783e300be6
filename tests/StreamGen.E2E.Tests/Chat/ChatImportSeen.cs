namespace StreamGen.E2E.Tests.Chat;

/// <summary>What a client-streaming handler of the chat saw: its room, how many messages it received, the error that ended its reading (null: the end of the stream), and whether its token was canceled by then.</summary>
public sealed record ChatImportSeen(string Room, int Received, Exception? Error, bool TokenCanceled);
