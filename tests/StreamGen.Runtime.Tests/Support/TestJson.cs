using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>Source-generated JSON for the tests' messages, as a design's generated context provides it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Exploding))]
internal sealed partial class TestJson : JsonSerializerContext;
