namespace StreamGen.Runtime;

using global::System;

/// <summary>A configuration value the host cannot use; its message is one line for the console.</summary>
public sealed class ServerConfigurationException(string message) : Exception(message);
