using StreamGen.Design;
using StreamGen.Model;
using StreamGen.Model.Documents;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Documents;

/// <summary>What the OpenAPI and AsyncAPI documents say, checked on the model that decides it, before any text is written.</summary>
public sealed class DocumentModelTests
{
    private static readonly DocumentsModel Logger = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml"))).Documents!;
    private static readonly DocumentsModel Chat = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "chat.yaml"))).Documents!;

    [Fact]
    public void Every_http_route_is_an_operation_under_its_path_in_ordinal_order()
    {
        Assert.Equal(["/logs/publish", "/logs/watch", "/logs/{topic}", "/logs/{topic}/archive", "/logs/{topic}/events", "/logs/{topic}/stream"], Logger.OpenApi.Paths.Select(p => p.Path));
        var archive = Logger.OpenApi.Paths.Single(p => p.Path == "/logs/{topic}/archive");
        Assert.Equal([(HttpVerb.Get, "logger.download"), (HttpVerb.Post, "logger.upload")], archive.Operations.Select(o => (o.Verb, o.OperationId)));
        Assert.Equal("/api/rooms/{room}/members", Chat.OpenApi.Paths.Single(p => p.Operations.Any(o => o.OperationId == "chat.join")).Path);
        Assert.Equal(("Logger API", "1.0", "http://localhost:8080"), (Logger.Title, Logger.Version, Logger.OpenApi.ServerUrl));
        Assert.Equal([("logger", "Log management")], Logger.OpenApi.Tags.Select(t => (t.Name, t.Description)));
    }

    [Fact]
    public void Parameters_carry_their_place_requirement_and_validations()
    {
        var recent = Operation(Logger, "logger.recent");

        var topic = recent.Parameters[0];
        var limit = recent.Parameters[1];

        Assert.Equal(("topic", OpenApiParameterLocation.Path, true), (topic.Name, topic.In, topic.Required));
        Assert.Equal((SchemaKind.String, 1, 256), (topic.Schema.Kind, topic.Schema.MinLength, topic.Schema.MaxLength));
        Assert.Equal(("limit", OpenApiParameterLocation.Query, false), (limit.Name, limit.In, limit.Required));
        Assert.Equal((SchemaKind.Integer, "int32", "1", "1000", "100"), (limit.Schema.Kind, limit.Schema.Format, limit.Schema.Minimum, limit.Schema.Maximum, limit.Schema.Default));

        var join = Operation(Chat, "chat.join");
        Assert.Equal([("room", OpenApiParameterLocation.Path, true), ("Authorization", OpenApiParameterLocation.Header, true)], join.Parameters.Select(p => (p.Name, p.In, p.Required)));
        Assert.Equal("^[a-z0-9-]+$", join.Parameters[0].Schema.Pattern);

        // An array has no empty query form: absent reads as empty, so it is never a required parameter.
        var tags = Operation(Chat, "chat.history").Parameters.Single(p => p.Name == "tags");
        Assert.Equal((OpenApiParameterLocation.Query, false, SchemaKind.Array, SchemaKind.String), (tags.In, tags.Required, tags.Schema.Kind, tags.Schema.Items!.Kind));
    }

    [Fact]
    public void Server_sent_events_answer_event_stream_and_ndjson_and_resume_from_last_event_id()
    {
        var events = Operation(Logger, "logger.events");

        var lastEventId = events.Parameters.Single(p => p.In == OpenApiParameterLocation.Header && p.Name == "Last-Event-ID");
        Assert.Equal(("Last-Event-ID", false, SchemaKind.String), (lastEventId.Name, lastEventId.Required, lastEventId.Schema.Kind));
        Assert.Contains("`since`", lastEventId.Description, StringComparison.Ordinal);

        var ok = events.Responses.Single(r => r.Status == "200");
        Assert.Equal(["application/x-ndjson", "text/event-stream"], ok.Content.Select(c => c.ContentType));
        var ndjson = ok.Content[0].Schema!;
        Assert.Equal(SchemaKind.AnyOf, ndjson.Kind);
        Assert.Equal(["LogRecord", "LogRecordTiny"], ndjson.AnyOf.Select(s => s.Reference));

        var sse = ok.Content[1].Schema!;
        Assert.Equal(["id", "event", "data"], sse.Properties.Select(p => p.Name));
        Assert.Equal(["data"], sse.Required);
        Assert.Equal(["\"debug\"", "\"info\"", "\"warn\"", "\"error\""], sse.Properties[1].Schema.Enum);
        Assert.Equal(["LogRecord", "LogRecordTiny"], sse.Properties[2].Schema.AnyOf.Select(s => s.Reference));
        Assert.Equal(["\"default\"", "\"tiny\""], ok.Headers.Single(h => h.Name == "Goa-View").Schema.Enum);

        var feed = Operation(Chat, "chat.feed").Responses.Single(r => r.Status == "200").Content[1].Schema!;
        Assert.Equal(["id", "event", "retry", "data"], feed.Properties.Select(p => p.Name));
        Assert.Equal((SchemaKind.Reference, "FeedResult"), (feed.Properties[3].Schema.Kind, feed.Properties[3].Schema.Reference));
    }

    [Fact]
    public void A_websocket_route_is_a_get_whose_101_points_to_its_asyncapi_channel()
    {
        var watch = Operation(Logger, "logger.watch");

        Assert.Equal(["101", "400", "404", "410", "426", "500", "503"], watch.Responses.Select(r => r.Status));
        Assert.Empty(watch.Responses[0].Content);
        Assert.Contains("`logger.watch`", watch.Responses[0].Description, StringComparison.Ordinal);
        Assert.Equal(("asyncapi.yaml", "#/channels/logger.watch"), (watch.AsyncApi!.Document, watch.AsyncApi.Channel));
        Assert.Equal(["#/operations/logger.watch.send", "#/operations/logger.watch.receive"], watch.AsyncApi.Operations);
        Assert.Null(Operation(Logger, "logger.recent").AsyncApi);

        // A server-sent events route answers a plain GET: no 426 there.
        Assert.DoesNotContain(Operation(Logger, "logger.events").Responses, r => r.Status == "426");
    }

    [Fact]
    public void Errors_get_their_mapped_status_and_goas_error_body()
    {
        var recent = Operation(Logger, "logger.recent").Responses.ToDictionary(r => r.Status);

        Assert.Equal(["200", "400", "404", "410", "500", "503"], recent.Keys);
        Assert.Contains("`not_found`", recent["404"].Description, StringComparison.Ordinal);
        Assert.All(new[] { "400", "404", "500" }, status =>
        {
            Assert.Equal(("application/json", "Error"), (recent[status].Content.Single().ContentType, recent[status].Content.Single().Schema!.Reference));
            Assert.Equal("goa-error", recent[status].Headers.Single().Name);
        });

        // Unmapped errors are 500s, with the fault; a method without payload has no 400.
        var close = Operation(Chat, "chat.close").Responses.ToDictionary(r => r.Status);
        Assert.Equal(["204", "500"], close.Keys);
        Assert.Contains("`room_not_found`", close["500"].Description, StringComparison.Ordinal);
        Assert.Contains("`muted`", close["500"].Description, StringComparison.Ordinal);
        Assert.Contains("fault", close["500"].Description, StringComparison.Ordinal);

        var error = Logger.OpenApi.Schemas.Single(s => s.Name == "Error").Schema;
        Assert.Equal(["name", "id", "message", "temporary", "timeout", "fault"], error.Properties.Select(p => p.Name));
        Assert.Equal(error.Properties.Select(p => p.Name), error.Required);
    }

    [Fact]
    public void Bodies_are_the_payload_an_attribute_or_a_body_record_and_raw_bodies_have_their_content_type()
    {
        var join = Operation(Chat, "chat.join");
        Assert.Equal(("application/json", "JoinRequestBody"), (join.RequestBody!.Content.Single().ContentType, join.RequestBody.Content.Single().Schema!.Reference));
        Assert.True(join.RequestBody.Required);
        var created = join.Responses.Single(r => r.Status == "201");
        Assert.Equal(("X-Member-Count", true, "int32"), (created.Headers.Single().Name, created.Headers.Single().Required, created.Headers.Single().Schema.Format));
        Assert.Equal("JoinResponseBody", created.Content.Single().Schema!.Reference);
        Assert.Equal(["profile", "notify"], Chat.OpenApi.Schemas.Single(s => s.Name == "JoinRequestBody").Schema.Properties.Select(p => p.Name));

        var rename = Operation(Chat, "chat.rename").RequestBody!.Content.Single().Schema!;
        Assert.Equal((SchemaKind.String, 1), (rename.Kind, rename.MinLength));
        Assert.Equal("Sample", Operation(Chat, "chat.echo").RequestBody!.Content.Single().Schema!.Reference);

        var upload = Operation(Logger, "logger.upload");
        Assert.Equal(("application/octet-stream", null), (upload.RequestBody!.Content.Single().ContentType, upload.RequestBody.Content.Single().Schema));
        var download = Operation(Logger, "logger.download").Responses.Single(r => r.Status == "200").Content.Single();
        Assert.Equal(("application/x-ndjson", null), (download.ContentType, download.Schema));
        Assert.Equal("text/plain", Operation(Chat, "chat.export").Responses.Single(r => r.Status == "200").Content.Single().ContentType);
    }

    [Fact]
    public void Schemas_carry_the_designs_types_and_validations()
    {
        var sample = Chat.OpenApi.Schemas.Single(s => s.Name == "Sample").Schema.Properties.ToDictionary(p => p.Name, p => p.Schema);

        Assert.Equal((SchemaKind.Boolean, "true"), (sample["flag"].Kind, sample["flag"].Default));
        Assert.Equal(("int32", "-10", "10"), (sample["small"].Format, sample["small"].Minimum, sample["small"].Maximum));
        Assert.Equal("0", sample["medium"].ExclusiveMinimum);
        Assert.Equal(("int64", "9000000000"), (sample["large"].Format, sample["large"].ExclusiveMaximum));
        Assert.Equal(("uint32", "0"), (sample["count"].Format, sample["count"].Minimum));
        Assert.Equal(("uint64", "0"), (sample["count64"].Format, sample["count64"].Minimum));
        Assert.Equal((SchemaKind.Number, "float", "0", "1"), (sample["ratio"].Kind, sample["ratio"].Format, sample["ratio"].Minimum, sample["ratio"].Maximum));
        Assert.Equal((SchemaKind.String, "base64"), (sample["blob"].Kind, sample["blob"].ContentEncoding));
        Assert.Equal(SchemaKind.Any, sample["extra"].Kind);
        Assert.Equal(("date", "hostname", "ip"), (sample["day"].Format, sample["host"].Format, sample["address"].Format));
        Assert.Equal((SchemaKind.Map, "^-?[0-9]+$", SchemaKind.String), (sample["codes"].Kind, sample["codes"].KeyPattern, sample["codes"].Items!.Kind));
        Assert.Equal(["small", "text"], Chat.OpenApi.Schemas.Single(s => s.Name == "Sample").Schema.Required);

        var author = Chat.OpenApi.Schemas.Single(s => s.Name == "Author").Schema.Properties.ToDictionary(p => p.Name, p => p.Schema);
        Assert.Equal(("uuid", "email", "^[A-Za-z][A-Za-z0-9 _-]*$"), (author["id"].Format, author["email"].Format, author["name"].Pattern));
        Assert.Equal(["\"Ada\""], author["name"].Examples);

        // The design bounds bytes; JSON carries base64, 4 characters per 3 bytes.
        Assert.Equal(87384, author["avatar"].MaxLength);

        var message = Chat.OpenApi.Schemas.Single(s => s.Name == "Message").Schema.Properties.ToDictionary(p => p.Name, p => p.Schema);
        Assert.Equal(("MessageMeta", "Message"), (message["meta"].Reference, message["replyTo"].Reference));
        Assert.Equal((SchemaKind.Array, 10), (message["mentions"].Kind, message["mentions"].MaxItems));
        var meta = Chat.OpenApi.Schemas.Single(s => s.Name == "MessageMeta").Schema;
        Assert.Equal(["\"web\"", "\"ios\"", "\"android\""], meta.Properties[0].Schema.Enum);
        Assert.Equal("\"web\"", meta.Properties[0].Schema.Default);
        Assert.Equal(["sentAt"], meta.Required);
    }

    [Fact]
    public void Values_json_cannot_hold_are_left_out_and_integer_extremes_stay_exact()
    {
        var measure = Designs.Model(HostileDocumentDesign.Text).Documents!.OpenApi.Schemas.Single(s => s.Name == "Measure").Schema.Properties.ToDictionary(p => p.Name, p => p.Schema);

        Assert.Null(measure["ratio"].Default);
        Assert.Equal("18446744073709551615", measure["big"].Default);
        Assert.Equal(("-9223372036854775808", "-5"), (measure["neg"].Minimum, measure["neg"].Examples.Single()));
        Assert.Equal("{\"1\":[\"a\",\"b\"]}", measure["codes"].Default);
        Assert.Equal((1, 3, "^-?[0-9]+$"), (measure["codes"].MinItems, measure["codes"].MaxItems, measure["codes"].KeyPattern));
        Assert.Equal("^(true|false)$", measure["flags"].KeyPattern);
        Assert.Equal((4, 16), (measure["blob"].MinLength, measure["blob"].MaxLength));
        Assert.Equal(["1", "2", "3"], measure["level"].Enum);
        Assert.Equal(("http-date", "regex"), (measure["when"].Format, measure["re"].Format));
        Assert.Equal("{\"x\":[1,\"two\",null]}", measure["anyv"].Default);
    }

    [Fact]
    public void A_result_type_has_a_schema_per_view()
    {
        var schemas = Logger.OpenApi.Schemas.ToDictionary(s => s.Name, s => s.Schema);

        Assert.Equal(["id", "timestamp", "topic", "message", "level", "traceId"], schemas["LogRecord"].Properties.Select(p => p.Name));
        Assert.Equal(["id", "timestamp", "message"], schemas["LogRecord"].Required);
        Assert.Equal(["id", "message"], schemas["LogRecordTiny"].Properties.Select(p => p.Name));
        Assert.Equal(["id", "message"], schemas["LogRecordTiny"].Required);
        Assert.Contains("view tiny", schemas["LogRecordTiny"].Description, StringComparison.Ordinal);

        // A nested result type is rendered in its default view (Goa's rule).
        Assert.Equal("LogRecord", schemas["RecentResult"].Properties.Single().Schema.Items!.Reference);
    }

    [Fact]
    public void Each_document_has_only_the_schemas_it_uses()
    {
        Assert.DoesNotContain(Logger.OpenApi.Schemas, s => s.Name is "LogEntry" or "FilterUpdate");
        Assert.Contains(Logger.AsyncApi!.Schemas, s => s.Name == "LogEntry");
        Assert.DoesNotContain(Logger.AsyncApi.Schemas, s => s.Name is "Error" or "RecentResult");
        Assert.Equal(Logger.OpenApi.Schemas.Select(s => s.Name).Order(StringComparer.Ordinal), Logger.OpenApi.Schemas.Select(s => s.Name));
    }

    [Fact]
    public void A_channel_per_streaming_route_with_its_address_parameters_and_upgrade()
    {
        var channels = Logger.AsyncApi!.Channels.ToDictionary(c => c.Key);

        Assert.Equal(["logger.events", "logger.publish", "logger.subscribe", "logger.watch"], channels.Keys);
        Assert.Equal(("/logs/{topic}/stream", "GET"), (channels["logger.subscribe"].Address, channels["logger.subscribe"].Method));
        Assert.Equal([("topic", "Topic of the log to subscribe to")], channels["logger.subscribe"].Parameters.Select(p => (p.Name, p.Description)));
        Assert.Equal(["view", "since"], channels["logger.watch"].Query!.Properties.Select(p => p.Name));
        Assert.Equal(["X-Request-Id", "Last-Event-ID"], channels["logger.events"].Headers!.Properties.Select(p => p.Name));
        Assert.Equal(["Authorization"], Chat.AsyncApi!.Channels.Single(c => c.Key == "chat.send").Headers!.Required);
        Assert.Equal(("ws", "localhost:8080"), (Logger.AsyncApi.Protocol, Logger.AsyncApi.Host));
    }

    [Fact]
    public void Operations_follow_the_stream_shape_from_the_clients_side()
    {
        var operations = Logger.AsyncApi!.Operations.ToDictionary(o => o.Key);

        Assert.Equal(["logger.events.receive", "logger.publish.send", "logger.subscribe.receive", "logger.watch.receive", "logger.watch.send"], operations.Keys);
        Assert.Equal((AsyncApiAction.Receive, "logger.subscribe"), (operations["logger.subscribe.receive"].Action, operations["logger.subscribe.receive"].Channel));
        Assert.Equal(["SubscribeResult"], operations["logger.subscribe.receive"].Messages);

        // Client streaming: the stream, the end-of-stream null, and the result as the reply.
        Assert.Equal(AsyncApiAction.Send, operations["logger.publish.send"].Action);
        Assert.Equal(["LogEntry", "EndOfStream"], operations["logger.publish.send"].Messages);
        Assert.Equal(["PublishResult"], operations["logger.publish.send"].Reply);

        // Bidirectional: both, and a message per view.
        Assert.Equal(["FilterUpdate", "EndOfStream"], operations["logger.watch.send"].Messages);
        Assert.Empty(operations["logger.watch.send"].Reply);
        Assert.Equal(["LogRecord", "LogRecordTiny"], operations["logger.watch.receive"].Messages);

        var chat = Chat.AsyncApi!.Operations.ToDictionary(o => o.Key);
        Assert.Equal(["ChatEventCompact"], chat["chat.ticker.receive"].Messages);
        Assert.Equal(["TypingStreamingPayload", "EndOfStream"], chat["chat.typing.send"].Messages);
        Assert.Empty(chat["chat.typing.send"].Reply);
    }

    [Fact]
    public void Messages_are_per_view_and_the_stream_ends_with_null()
    {
        var messages = Logger.AsyncApi!.Messages.ToDictionary(m => m.Key);

        Assert.Equal(["EndOfStream", "FilterUpdate", "LogEntry", "LogRecord", "LogRecordTiny", "PublishResult", "SubscribeResult"], messages.Keys);
        Assert.Equal(SchemaKind.Null, messages["EndOfStream"].Payload.Kind);
        Assert.Equal("LogRecordTiny", messages["LogRecordTiny"].Payload.Reference);
        Assert.Equal(("Goa-View", "tiny"), (messages["LogRecordTiny"].Headers!.Properties.Single().Name, messages["LogRecordTiny"].Headers!.Properties.Single().Schema.Const));
        Assert.Null(messages["LogEntry"].Headers);
        Assert.Equal((SchemaKind.String, null), (Chat.AsyncApi!.Messages.Single(m => m.Key == "TypingStreamingPayload").Payload.Kind, Chat.AsyncApi.Messages.Single(m => m.Key == "TypingStreamingPayload").Payload.Reference));
    }

    [Fact]
    public void The_close_codes_of_the_wire_protocol_are_documented_on_every_channel()
    {
        Assert.Equal([1000, 1001, 1007, 1008, 1009, 1011], Logger.AsyncApi!.CloseCodes.Select(c => c.Code));
        Assert.All(Logger.AsyncApi.Channels, channel =>
        {
            foreach (var code in Logger.AsyncApi.CloseCodes)
            {
                Assert.Contains($"- {code.Code} (", channel.Description, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void The_documents_are_embedded_and_served_under_the_apis_namespace()
    {
        Assert.Equal(
            [(DocumentKind.OpenApi, "openapi.json", "Acme.Logger.openapi.json", "/openapi.json", "application/json"), (DocumentKind.AsyncApi, "asyncapi.yaml", "Acme.Logger.asyncapi.yaml", "/asyncapi.yaml", "application/yaml")],
            Logger.Files.Select(f => (f.Kind, f.FileName, f.ResourceName, f.Route, f.ContentType)));
    }

    [Fact]
    public void Without_streams_there_is_no_asyncapi_document_and_without_http_no_documents()
    {
        var unary = Designs.Model("""
            api: { name: demo }
            services:
              demo:
                methods:
                  ping: { payload: String, result: String, http: { POST: /ping }, grpc: {} }
            """);
        Assert.Null(unary.Documents!.AsyncApi);
        Assert.Equal(["openapi.json"], unary.DocumentFiles.Select(f => f.FileName));

        var grpcOnly = Designs.Model("""
            api: { name: demo }
            services:
              demo:
                methods:
                  ping: { payload: { attributes: { id: { type: String, field: 1 } } }, grpc: {} }
            """);
        Assert.Null(grpcOnly.Documents);
        Assert.Empty(grpcOnly.DocumentFiles);
    }

    [Fact]
    public void Design_names_beyond_ascii_become_valid_document_keys()
    {
        var model = Designs.Model("""
            api: { name: maße }
            types:
              Größe: { attributes: { wert: { type: Int }, größe: { type: String } } }
            services:
              größen:
                methods:
                  messe: { payload: Größe, streamingResult: Größe, http: { GET: "/messe/{größe}", params: [wert] } }
            """).Documents!;

        var operation = model.OpenApi.Paths.Single().Operations.Single();
        Assert.Equal("grossen.messe", operation.OperationId);
        Assert.Equal(["Grosse"], model.AsyncApi!.Schemas.Select(s => s.Name));
        Assert.Equal(["grossen.messe"], model.AsyncApi.Channels.Select(c => c.Key));

        // A path parameter's name is not on the wire: a non-ASCII one gets its ASCII key, which tools match; a query key is kept.
        Assert.Equal("/messe/{grosse}", model.OpenApi.Paths.Single().Path);
        Assert.Equal([("grosse", OpenApiParameterLocation.Path), ("wert", OpenApiParameterLocation.Query)], operation.Parameters.Select(p => (p.Name, p.In)));
        Assert.Equal("The payload's `größe`.", operation.Parameters[0].Description);
        Assert.Equal(("/messe/{grosse}", "grosse"), (model.AsyncApi.Channels.Single().Address, model.AsyncApi.Channels.Single().Parameters.Single().Name));
    }

    private static OpenApiOperationModel Operation(DocumentsModel documents, string id) =>
        documents.OpenApi.Paths.SelectMany(p => p.Operations).Single(o => o.OperationId == id);
}
