using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using StreamGen.Model.Documents;

namespace StreamGen.Generation.Documents;

/// <summary>
/// Writes the AsyncAPI 3.0 document as YAML: the model as a JSON tree (in the model's order), its schemas serialized by
/// Microsoft.OpenApi as the OpenAPI document's are, and the tree written by the library's YAML writer.
/// </summary>
internal static class AsyncApiDocumentWriter
{
    /// <summary>The version of the WebSockets bindings (channel <c>bindings.ws</c>: the upgrade's method, query and headers).</summary>
    private const string WebSocketsBindingVersion = "0.1.0";

    public static string Write(DocumentsModel documents)
    {
        var model = documents.AsyncApi!;
        var info = new JsonObject { ["title"] = documents.Title, ["version"] = documents.Version };
        if (documents.Description is { } description)
        {
            info["description"] = description;
        }

        var root = new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = info,
            ["defaultContentType"] = model.DefaultContentType,
            ["servers"] = new JsonObject
            {
                [model.ServerKey] = new JsonObject { ["host"] = model.Host, ["protocol"] = model.Protocol, ["description"] = model.ServerDescription },
            },
            ["channels"] = Map(model.Channels, c => c.Key, Channel),
            ["operations"] = Map(model.Operations, o => o.Key, Operation),
            ["components"] = new JsonObject
            {
                ["schemas"] = Map(model.Schemas, s => s.Name, s => OpenApiSchemas.ToJson(s.Schema)),
                ["messages"] = Map(model.Messages, m => m.Key, Message),
            },

            // The close codes again, for tools (each channel's description lists them): AsyncAPI has no field for how a
            // WebSocket stream ends.
            ["x-close-codes"] = new JsonArray([.. model.CloseCodes.Select(c => (JsonNode)new JsonObject { ["code"] = c.Code, ["name"] = c.Name, ["meaning"] = c.Meaning })]),
        };

        using var text = new StringWriter { NewLine = "\n" };
        text.Write($"# {documents.Header}\n");
        new JsonNodeExtension(root).Write(new OpenApiYamlWriter(text) { UseLiteralStyle = true }, OpenApiSpecVersion.OpenApi3_1);
        return text.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }

    private static JsonObject Channel(AsyncApiChannelModel channel)
    {
        var json = new JsonObject { ["address"] = channel.Address, ["title"] = channel.Title };
        Optional(json, "summary", channel.Summary);
        json["description"] = channel.Description;
        if (channel.Parameters.Count > 0)
        {
            json["parameters"] = Map(channel.Parameters, p => p.Name, Parameter);
        }

        json["messages"] = Map(channel.Messages, m => m, m => Reference($"#/components/messages/{m}"));
        var binding = new JsonObject { ["method"] = channel.Method };
        if (channel.Query is { } query)
        {
            binding["query"] = OpenApiSchemas.ToJson(query);
        }

        if (channel.Headers is { } headers)
        {
            binding["headers"] = OpenApiSchemas.ToJson(headers);
        }

        binding["bindingVersion"] = WebSocketsBindingVersion;
        json["bindings"] = new JsonObject { ["ws"] = binding };
        return json;
    }

    private static JsonObject Parameter(AsyncApiParameterModel parameter)
    {
        var json = new JsonObject();
        Optional(json, "description", parameter.Description);
        if (parameter.Enum.Count > 0)
        {
            json["enum"] = Strings(parameter.Enum);
        }

        Optional(json, "default", parameter.Default);
        if (parameter.Examples.Count > 0)
        {
            json["examples"] = Strings(parameter.Examples);
        }

        return json;
    }

    private static JsonObject Operation(AsyncApiOperationModel operation)
    {
        var json = new JsonObject
        {
            ["action"] = operation.Action == AsyncApiAction.Send ? "send" : "receive",
            ["channel"] = Reference($"#/channels/{operation.Channel}"),
            ["title"] = operation.Title,
            ["summary"] = operation.Summary,
            ["description"] = operation.Description,
            ["messages"] = Messages(operation.Channel, operation.Messages),
        };
        if (operation.HasReply)
        {
            json["reply"] = new JsonObject { ["channel"] = Reference($"#/channels/{operation.Channel}"), ["messages"] = Messages(operation.Channel, operation.Reply) };
        }

        return json;
    }

    private static JsonObject Message(AsyncApiMessageModel message)
    {
        var json = new JsonObject { ["name"] = message.Key, ["title"] = message.Title };
        Optional(json, "summary", message.Summary);
        Optional(json, "description", message.Description);
        if (message.Headers is { } headers)
        {
            json["headers"] = OpenApiSchemas.ToJson(headers);
        }

        json["payload"] = OpenApiSchemas.ToJson(message.Payload);
        return json;
    }

    private static JsonArray Messages(string channel, IReadOnlyList<string> keys) =>
        new([.. keys.Select(k => (JsonNode)Reference($"#/channels/{channel}/messages/{k}"))]);

    private static JsonObject Reference(string pointer) => new() { ["$ref"] = pointer };

    private static JsonArray Strings(IReadOnlyList<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Map<T>(IEnumerable<T> items, Func<T, string> key, Func<T, JsonNode> value) =>
        new(items.Select(i => KeyValuePair.Create(key(i), (JsonNode?)value(i))));

    private static void Optional(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
