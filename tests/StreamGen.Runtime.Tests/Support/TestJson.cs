using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>Source-generated JSON for the tests' messages, as a design's generated context provides it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Exploding))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(IReadOnlyList<Note>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, Note>))]
[JsonSerializable(typeof(long))]
internal sealed partial class TestJson : JsonSerializerContext;
