using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>Writes the start of an object and a property, then throws, as a serializer failing mid-message would.</summary>
public sealed class ExplodingConverter : JsonConverter<Exploding>
{
    public override Exploding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, Exploding value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("text", new string('x', 4096) + value.Text);
        writer.Flush();
        throw new InvalidOperationException("the converter failed halfway");
    }
}
