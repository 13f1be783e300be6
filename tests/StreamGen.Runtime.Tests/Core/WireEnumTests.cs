using System.Text.Json;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>
/// A design enum on the wire: the design's strings in JSON both ways (ordinal, no integers), a string outside the enum
/// reported as Goa's invalid_enum_value at the attribute's path, and the same strings for parameters and views.
/// </summary>
public sealed class WireEnumTests
{
    [Fact]
    public void Members_carry_the_design_strings()
    {
        Assert.Equal(["calm", "in-a-hurry"], WireEnum<Mood>.Names);
        Assert.Equal("in-a-hurry", WireEnum<Mood>.Name(Mood.InAHurry));
        Assert.Equal("9", WireEnum<Mood>.Name((Mood)9));
        Assert.True(WireEnum<Mood>.TryParse("calm", out var calm) && calm == Mood.Calm);
        Assert.False(WireEnum<Mood>.TryParse("Calm", out _));
        Assert.False(WireEnum<Mood>.TryParse(null, out _));
        Assert.False(WireEnum<Mood>.IsDefined(default));
    }

    [Fact]
    public void Json_reads_and_writes_the_design_strings()
    {
        var note = JsonSerializer.Deserialize("""{"title":"t","mood":"in-a-hurry"}""", TestJson.Default.Note)!;

        Assert.Equal(Mood.InAHurry, note.Mood);
        Assert.Equal("""{"title":"t","body":null,"mood":"calm"}""", JsonSerializer.Serialize(note with { Mood = Mood.Calm }, TestJson.Default.Note));
    }

    [Theory]
    [InlineData("""{"title":"t","mood":"Calm"}""", "\"Calm\"")]
    [InlineData("""{"title":"t","mood":"loud"}""", "\"loud\"")]
    [InlineData("""{"title":"t","mood":2}""", "2")]
    [InlineData("""{"title":"t","mood":"2"}""", "\"2\"")]
    public void A_value_outside_the_enum_is_invalid_enum_value_at_the_attribute(string json, string actual)
    {
        var thrown = Assert.Throws<WireEnumException>(() => JsonSerializer.Deserialize(json, TestJson.Default.Note));
        var error = Assert.Single(JsonDecoding.Error(thrown).Errors);

        Assert.Equal(("invalid_enum_value", "mood"), (error.Name, error.Field));
        Assert.Equal($"must be one of \"calm\", \"in-a-hurry\", but is {actual}", error.Detail);
    }

    [Fact]
    public void Json_null_leaves_an_optional_enum_null()
    {
        var note = JsonSerializer.Deserialize("""{"title":"t","mood":null}""", TestJson.Default.Note)!;

        Assert.Null(note.Mood);
    }

    [Fact]
    public void Parameters_parse_and_format_the_design_strings()
    {
        ValidationErrors? errors = null;

        var parsed = Parameters.ParseEnum<Mood>("in-a-hurry", "mood", ref errors);
        var missing = Parameters.ParseEnum<Mood>(null, "mood", ref errors);
        var wrong = Parameters.ParseEnum<Mood>("fast", "mood", ref errors);

        Assert.Equal((Mood.InAHurry, (Mood?)null, (Mood?)null), (parsed, missing, wrong));
        Assert.Equal("in-a-hurry", Parameters.FormatEnum(Mood.InAHurry));
        var error = Assert.Single(errors!.Items);
        Assert.Equal("\"mood\" must be one of \"calm\", \"in-a-hurry\", but is \"fast\"", error.ToString());
    }
}
