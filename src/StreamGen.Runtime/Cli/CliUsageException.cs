namespace StreamGen.Runtime;

using global::System;

/// <summary>A mistake in the command line or its input, found before (or instead of) sending: exit code 2, its message on standard error.</summary>
public sealed class CliUsageException(string message, Exception? innerException = null) : Exception(message, innerException);
