using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A value whose serialization fails after some bytes are written (see <see cref="ExplodingConverter"/>).</summary>
[JsonConverter(typeof(ExplodingConverter))]
public sealed record Exploding(string Text);
