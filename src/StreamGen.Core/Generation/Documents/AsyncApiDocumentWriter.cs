using Microsoft.OpenApi;
using StreamGen.Model.Documents;

namespace StreamGen.Generation.Documents;

/// <summary>
/// Writes the AsyncAPI 3.0 document as YAML with Microsoft.OpenApi's YAML writer, in the model's order: the same writer
/// and the same schema objects the OpenAPI document is written with, so both documents spell schemas alike.
/// </summary>
internal static class AsyncApiDocumentWriter
{
    /// <summary>The version of the WebSockets bindings (channel <c>bindings.ws</c>: the upgrade's method, query and headers).</summary>
    private const string WebSocketsBindingVersion = "0.1.0";

    public static string Write(DocumentsModel documents)
    {
        var model = documents.AsyncApi!;
        using var text = new StringWriter { NewLine = "\n" };
        text.Write($"# {documents.Header}\n");
        var writer = new OpenApiYamlWriter(text) { UseLiteralStyle = true };
        writer.WriteStartObject();
        writer.WriteRequiredProperty("asyncapi", "3.0.0");
        writer.WritePropertyName("info");
        writer.WriteStartObject();
        writer.WriteRequiredProperty("title", documents.Title);
        writer.WriteRequiredProperty("version", documents.Version);
        writer.WriteProperty("description", documents.Description);
        writer.WriteEndObject();
        writer.WriteRequiredProperty("defaultContentType", model.DefaultContentType);
        writer.WritePropertyName("servers");
        writer.WriteStartObject();
        writer.WritePropertyName(model.ServerKey);
        writer.WriteStartObject();
        writer.WriteRequiredProperty("host", model.Host);
        writer.WriteRequiredProperty("protocol", model.Protocol);
        writer.WriteRequiredProperty("description", model.ServerDescription);
        if (model.SecuritySchemes.Count > 0)
        {
            // The schemes any stream of this server may require; each operation lists its own.
            writer.WritePropertyName("security");
            writer.WriteStartArray();
            foreach (var scheme in model.SecuritySchemes)
            {
                Reference(writer, $"#/components/securitySchemes/{scheme.Name}");
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        Map(writer, "channels", model.Channels, c => c.Key, Channel);
        Map(writer, "operations", model.Operations, o => o.Key, Operation);
        writer.WritePropertyName("components");
        writer.WriteStartObject();
        Map(writer, "schemas", model.Schemas, s => s.Name, (w, s) => OpenApiSchemas.Of(s.Schema).SerializeAsV31(w));
        Map(writer, "messages", model.Messages, m => m.Key, Message);
        if (model.SecuritySchemes.Count > 0)
        {
            Map(writer, "securitySchemes", model.SecuritySchemes, s => s.Name, SecurityScheme);
        }

        writer.WriteEndObject();

        // The close codes again, for tools (each channel's description lists them): AsyncAPI has no field for how a
        // WebSocket stream ends.
        List(writer, "x-close-codes", model.CloseCodes, CloseCode);
        writer.WriteEndObject();
        return text.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }

    private static void Channel(IOpenApiWriter writer, AsyncApiChannelModel channel)
    {
        writer.WriteStartObject();
        writer.WriteRequiredProperty("address", channel.Address);
        writer.WriteRequiredProperty("title", channel.Title);
        writer.WriteProperty("summary", channel.Summary);
        writer.WriteRequiredProperty("description", channel.Description);
        if (channel.Parameters.Count > 0)
        {
            Map(writer, "parameters", channel.Parameters, p => p.Name, Parameter);
        }

        Map(writer, "messages", channel.Messages, m => m, (w, m) => Reference(w, $"#/components/messages/{m}"));
        writer.WritePropertyName("bindings");
        writer.WriteStartObject();
        writer.WritePropertyName("ws");
        writer.WriteStartObject();
        writer.WriteRequiredProperty("method", channel.Method);
        Schema(writer, "query", channel.Query);
        Schema(writer, "headers", channel.Headers);
        writer.WriteRequiredProperty("bindingVersion", WebSocketsBindingVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Parameter(IOpenApiWriter writer, AsyncApiParameterModel parameter)
    {
        writer.WriteStartObject();
        writer.WriteProperty("description", parameter.Description);
        Strings(writer, "enum", parameter.Enum);
        writer.WriteProperty("default", parameter.Default);
        Strings(writer, "examples", parameter.Examples);
        writer.WriteEndObject();
    }

    private static void Operation(IOpenApiWriter writer, AsyncApiOperationModel operation)
    {
        writer.WriteStartObject();
        writer.WriteRequiredProperty("action", operation.Action == AsyncApiAction.Send ? "send" : "receive");
        writer.WritePropertyName("channel");
        Reference(writer, $"#/channels/{operation.Channel}");
        writer.WriteRequiredProperty("title", operation.Title);
        writer.WriteRequiredProperty("summary", operation.Summary);
        writer.WriteRequiredProperty("description", operation.Description);
        Messages(writer, operation.Channel, operation.Messages);
        if (operation.Security.Count > 0)
        {
            writer.WritePropertyName("security");
            writer.WriteStartArray();
            foreach (var scheme in operation.Security)
            {
                Reference(writer, $"#/components/securitySchemes/{scheme}");
            }

            writer.WriteEndArray();
        }

        if (operation.HasReply)
        {
            writer.WritePropertyName("reply");
            writer.WriteStartObject();
            writer.WritePropertyName("channel");
            Reference(writer, $"#/channels/{operation.Channel}");
            Messages(writer, operation.Channel, operation.Reply);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>An AsyncAPI 3.0 Security Scheme Object: httpApiKey, http (bearer JWT or basic), or oauth2 with its flows' available scopes.</summary>
    private static void SecurityScheme(IOpenApiWriter writer, DocumentSecuritySchemeModel scheme)
    {
        writer.WriteStartObject();
        switch (scheme.Kind)
        {
            case "apiKey":
                writer.WriteRequiredProperty("type", "httpApiKey");
                writer.WriteRequiredProperty("name", scheme.ParameterName!);
                writer.WriteRequiredProperty("in", scheme.In!);
                break;
            case "jwt":
                writer.WriteRequiredProperty("type", "http");
                writer.WriteRequiredProperty("scheme", "bearer");
                writer.WriteRequiredProperty("bearerFormat", "JWT");
                break;
            case "basic":
                writer.WriteRequiredProperty("type", "http");
                writer.WriteRequiredProperty("scheme", "basic");
                break;
            default:
                writer.WriteRequiredProperty("type", "oauth2");
                writer.WritePropertyName("flows");
                writer.WriteStartObject();
                foreach (var flow in scheme.Flows)
                {
                    writer.WritePropertyName(flow.Kind);
                    writer.WriteStartObject();
                    writer.WriteProperty("authorizationUrl", flow.AuthorizationUrl);
                    writer.WriteProperty("tokenUrl", flow.TokenUrl);
                    writer.WriteProperty("refreshUrl", flow.RefreshUrl);
                    writer.WritePropertyName("availableScopes");
                    writer.WriteStartObject();
                    foreach (var (name, text) in scheme.Scopes)
                    {
                        writer.WriteRequiredProperty(name, text);
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                break;
        }

        writer.WriteProperty("description", scheme.Description);
        writer.WriteEndObject();
    }

    private static void Message(IOpenApiWriter writer, AsyncApiMessageModel message)
    {
        writer.WriteStartObject();
        writer.WriteRequiredProperty("name", message.Key);
        writer.WriteRequiredProperty("title", message.Title);
        writer.WriteProperty("summary", message.Summary);
        writer.WriteProperty("description", message.Description);
        Schema(writer, "headers", message.Headers);
        Schema(writer, "payload", message.Payload);
        writer.WriteEndObject();
    }

    private static void CloseCode(IOpenApiWriter writer, CloseCodeModel code)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("code");
        writer.WriteValue(code.Code);
        writer.WriteRequiredProperty("name", code.Name);
        writer.WriteRequiredProperty("meaning", code.Meaning);
        writer.WriteEndObject();
    }

    private static void Messages(IOpenApiWriter writer, string channel, IReadOnlyList<string> keys) =>
        List(writer, "messages", keys, (w, k) => Reference(w, $"#/channels/{channel}/messages/{k}"));

    private static void Schema(IOpenApiWriter writer, string name, SchemaModel? schema)
    {
        if (schema is not null)
        {
            writer.WritePropertyName(name);
            OpenApiSchemas.Of(schema).SerializeAsV31(writer);
        }
    }

    private static void Reference(IOpenApiWriter writer, string pointer)
    {
        writer.WriteStartObject();
        writer.WriteRequiredProperty("$ref", pointer);
        writer.WriteEndObject();
    }

    private static void Strings(IOpenApiWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            List(writer, name, values, (w, v) => w.WriteValue(v));
        }
    }

    /// <summary>A list of anything (the library's collection writers take its own elements).</summary>
    private static void List<T>(IOpenApiWriter writer, string name, IReadOnlyList<T> items, Action<IOpenApiWriter, T> write)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>A map in the model's order (the library's map writers take dictionaries).</summary>
    private static void Map<T>(IOpenApiWriter writer, string name, IReadOnlyList<T> items, Func<T, string> key, Action<IOpenApiWriter, T> write)
    {
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        foreach (var item in items)
        {
            writer.WritePropertyName(key(item));
            write(writer, item);
        }

        writer.WriteEndObject();
    }
}
