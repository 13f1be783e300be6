namespace StreamGen.Runtime.Tests.Support;

/// <summary>The message type of the tests' streams: one text attribute, as a design type would have.</summary>
public sealed record Message(string Text);
