using System.Text.Json;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>
/// The decode side of a design's JSON: required attributes of reference and enum types are left to the records' rules
/// (Goa's missing_field), and decode failures become the errors the transports send, with Goa's field paths.
/// </summary>
public sealed class JsonDecodingTests
{
    [Fact]
    public void The_reader_leaves_a_missing_required_reference_to_the_record_rules()
    {
        var options = JsonDecoding.ReaderOptions(TestJson.Default);
        var info = JsonDecoding.TypeInfo<Note>(options);

        var note = JsonSerializer.Deserialize("""{"body":"b"}""", info)!;
        var strict = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"body":"b"}""", TestJson.Default.Note));

        Assert.Null(note.Title);
        Assert.Throws<ValidationException>(() => Validation.Validated(note));
        Assert.Contains("title", strict.Message, StringComparison.Ordinal);
        Assert.True(options.IsReadOnly);
    }

    [Fact]
    public void A_message_that_is_not_json_is_decode_payload()
    {
        var thrown = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{nope", TestJson.Default.Note));

        var error = JsonDecoding.Error(thrown);

        Assert.Equal(("decode_payload", "body"), (error.Name, error.Errors[0].Field));
    }

    [Theory]
    [InlineData("$.level", "level")]
    [InlineData("$.entries[1].level", "entries[1].level")]
    [InlineData("$['a b'].mood", "a b.mood")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void Json_paths_become_goa_field_paths(string? path, string field) => Assert.Equal(field, JsonDecoding.Field(path));

    [Fact]
    public void An_enum_error_deep_in_a_list_names_its_item()
    {
        var options = JsonDecoding.ReaderOptions(TestJson.Default);

        var thrown = Assert.Throws<WireEnumException>(() => JsonSerializer.Deserialize("""[{"title":"a"},{"title":"b","mood":"x"}]""", JsonDecoding.TypeInfo<IReadOnlyList<Note>>(options)));

        Assert.Equal("[1].mood", Assert.Single(JsonDecoding.Error(thrown).Errors).Field);
    }
}
