using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>
/// The validation the generated records do themselves (no reflection in them): the chat design's types, compiled and
/// loaded, decoding JSON the way the transports do and checking it with good and bad values for every kind of rule.
/// </summary>
public sealed class GeneratedValidationTests
{
    private static readonly Lazy<Assembly> Chat = new(() =>
        GeneratedCompilation.Compile(Designs.GenerateFile(Path.Combine(Repository.Designs, "chat.yaml")), "chat-validation").Load());

    [Theory]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada","email":"ada@example.com"}""")]
    [InlineData("Sample", """{"small":-10,"medium":1,"large":8999999999,"ratio":1,"text":"","day":"2026-11-25","host":"example.com","address":"::1","extra":{"any":[1,"x"]},"codes":{"1":"a"}}""")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"},"mentions":["a"],"meta":{"sentAt":"2026-11-25T10:00:00Z"},"replyTo":{"text":"earlier","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Bob"}}}""")]
    public void Valid_values_pass(string type, string json)
    {
        Assert.Empty(Validate(type, json));
    }

    [Theory]
    [InlineData("Author", """{"id":"not-a-uuid","name":"Ada"}""", "invalid_format", "id")]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "invalid_length", "name")]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"1st"}""", "invalid_pattern", "name")]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada","email":"ada"}""", "invalid_format", "email")]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10"}""", "missing_field", "name")]
    [InlineData("Author", """{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":null}""", "missing_field", "name")]
    [InlineData("Sample", """{"small":11,"text":""}""", "invalid_range", "small")]
    [InlineData("Sample", """{"small":0,"medium":0,"text":""}""", "invalid_range", "medium")]
    [InlineData("Sample", """{"small":0,"large":9000000000,"text":""}""", "invalid_range", "large")]
    [InlineData("Sample", """{"small":0,"ratio":1.5,"text":""}""", "invalid_range", "ratio")]
    [InlineData("Sample", """{"small":0,"day":"2026-13-01","text":""}""", "invalid_format", "day")]
    [InlineData("Sample", """{"small":0,"host":"not a host","text":""}""", "invalid_format", "host")]
    [InlineData("Sample", """{"small":0,"address":"999.1.1.1","text":""}""", "invalid_format", "address")]
    [InlineData("Sample", """{"small":0}""", "missing_field", "text")]
    [InlineData("Message", """{"text":"","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"}}""", "invalid_length", "text")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}""", "invalid_length", "author.name")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"},"mentions":["1","2","3","4","5","6","7","8","9","10","11"]}""", "invalid_length", "mentions")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"},"meta":{"client":"web"}}""", "missing_field", "meta.sentAt")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"},"meta":{"client":"fax","sentAt":"2026-11-25T10:00:00Z"}}""", "invalid_enum_value", "meta.client")]
    [InlineData("Message", """{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"},"replyTo":{"text":"","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Bob"}}}""", "invalid_length", "replyTo.text")]
    [InlineData("Thread", """{"root":{"text":"hi","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"}},"replies":[{"root":{"text":"ok","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Bo"}}},{"root":{"text":"","author":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Cy"}}}]}""", "invalid_length", "replies[1].root.text")]
    public void Each_broken_rule_is_reported_with_goa_name_and_field_path(string type, string json, string name, string field)
    {
        var error = Assert.Single(Validate(type, json));

        Assert.Equal((name, field), error);
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", true)]
    [InlineData("2026-11-25t10:00:00z", true)]
    [InlineData("2026-11-25T10:00:00.123456789+05:30", true)]
    [InlineData("2024-02-29T23:59:59-00:00", true)]
    [InlineData("2026-11-25 10:00:00Z", false)]
    [InlineData("2026-02-29T00:00:00Z", false)]
    [InlineData("2026-11-31T00:00:00Z", false)]
    [InlineData("2026-11-25T24:00:00Z", false)]
    [InlineData("2026-11-25T10:60:00Z", false)]
    [InlineData("2026-11-25T10:00:00.Z", false)]
    [InlineData("2026-11-25T10:00:00+0100", false)]
    [InlineData("2026-11-25T10:00:00", false)]
    [InlineData("26-11-25T10:00:00Z", false)]
    public void Date_time_is_rfc_3339(string value, bool valid)
    {
        var errors = Validate("MessageMeta", $$"""{"sentAt":"{{value}}"}""");

        Assert.Equal(valid ? [] : [("invalid_format", "sentAt")], errors);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var errors = Validate("Author", """{"id":"nope","name":"","email":"x"}""");

        Assert.Equal([("invalid_format", "id"), ("invalid_pattern", "name"), ("invalid_length", "name"), ("invalid_format", "email")], errors);
    }

    [Fact]
    public void Defaults_hold_when_the_attribute_is_absent()
    {
        var sample = Decode("Sample", """{"small":0,"text":""}""");
        var meta = Decode("MessageMeta", """{"sentAt":"2026-11-25T10:00:00Z"}""");

        Assert.Equal(true, sample.GetType().GetProperty("Flag")!.GetValue(sample));
        Assert.Equal("Web", meta.GetType().GetProperty("Client")!.GetValue(meta)!.ToString());
    }

    [Fact]
    public void A_view_adds_the_attributes_it_requires()
    {
        var compact = Decode("ChatEvent", """{"id":1,"kind":"joined"}""");
        var view = Chat.Value.GetType("Acme.Chat.ChatEventView")!;

        Assert.Empty(Validate(compact, "ValidateView", Enum.Parse(view, "Compact")));
        Assert.Equal([("missing_field", "room")], Validate(compact, "ValidateView", Enum.Parse(view, "Default")));
    }

    /// <summary>As the transports check a message: decoding (a string outside an enum fails there), then the record's rules.</summary>
    private static List<(string Name, string Field)> Validate(string type, string json)
    {
        object value;
        try
        {
            value = Decode(type, json);
        }
        catch (JsonException e)
        {
            // The design says runtime: package, so the generated code throws the runtime assembly's own exceptions.
            return [.. StreamGen.Runtime.JsonDecoding.Error(e).Errors.Select(error => (error.Name, error.Field))];
        }

        return Validate(value, "Validate");
    }

    private static object Decode(string type, string json)
    {
        var info = (JsonTypeInfo)Chat.Value.GetType("Acme.Chat.ChatJsonReader")!.GetProperty(type)!.GetValue(null)!;
        return JsonSerializer.Deserialize(json, info)!;
    }

    private static List<(string Name, string Field)> Validate(object value, string method, params object[] leading)
    {
        object?[] arguments = [.. leading, null];
        value.GetType().GetMethod(method)!.Invoke(value, arguments);
        if (arguments[^1] is not { } errors)
        {
            return [];
        }

        var items = (System.Collections.IEnumerable)errors.GetType().GetProperty("Items")!.GetValue(errors)!;
        return items.Cast<object>()
            .Select(e => ((string)e.GetType().GetProperty("Name")!.GetValue(e)!, (string)e.GetType().GetProperty("Field")!.GetValue(e)!))
            .ToList();
    }
}
