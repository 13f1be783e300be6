using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Redis;

/// <summary>The item the broadcast tests publish.</summary>
public sealed record Reading(string Sensor, int Value);

/// <summary>Its source-generated JSON context, as a generated service has one.</summary>
[JsonSerializable(typeof(Reading))]
public sealed partial class ReadingJsonContext : JsonSerializerContext;
