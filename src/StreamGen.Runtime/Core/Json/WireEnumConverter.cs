namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Text;
using global::System.Text.Json;
using global::System.Text.Json.Serialization;

/// <summary>
/// Reads and writes a generated enum as the design's strings: System.Text.Json's <see cref="JsonStringEnumConverter{TEnum}"/>
/// with the names of <see cref="JsonStringEnumMemberNameAttribute"/>, integers refused (a design enum is a string), and a
/// value outside the enum reported as Goa does (<see cref="WireEnumException"/>, which the transports turn into
/// <c>invalid_enum_value</c>). JSON <c>null</c> reads as the zero value, which no member has: a required attribute sent as
/// null is then reported missing by the record's validation, as a missing string would be.
/// </summary>
public sealed class WireEnumConverter<TEnum> : JsonConverterFactory
    where TEnum : struct, Enum
{
    private readonly JsonStringEnumConverter<TEnum> _strings = new(namingPolicy: null, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(TEnum);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        new Converter((JsonConverter<TEnum>)_strings.CreateConverter(typeToConvert, options)!);

    private sealed class Converter(JsonConverter<TEnum> strings) : JsonConverter<TEnum>
    {
        public override bool HandleNull => true;

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return default;
            }

            try
            {
                return strings.Read(ref reader, typeToConvert, options);
            }
            catch (JsonException)
            {
                // The reader still stands on the value: a scalar converter fails without moving.
                var actual = reader.TokenType == JsonTokenType.String
                    ? $"\"{reader.GetString()}\""
                    : Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                throw new WireEnumException(Check.EnumDetail([.. WireEnum<TEnum>.Names], actual));
            }
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => strings.Write(writer, value, options);
    }
}
