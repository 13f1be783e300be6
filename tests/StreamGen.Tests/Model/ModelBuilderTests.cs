using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Model;

/// <summary>What the model decides, checked without rendering: names, C# types, nullability, routes, views, protobuf fields.</summary>
public sealed class ModelBuilderTests
{
    private static readonly ApiModel Logger = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")));
    private static readonly ApiModel Chat = Designs.Model(File.ReadAllText(Path.Combine(Repository.Designs, "chat.yaml")));

    [Fact]
    public void Api_names_namespaces_and_ports_come_from_the_design()
    {
        Assert.Equal(("Acme.Logger", "Acme.Logger.Runtime", "Logger"), (Logger.Namespace, Logger.RuntimeNamespace, Logger.TypeStem));
        Assert.Equal((8080, 8081), (Logger.HttpPort, Logger.GrpcPort));
        var service = Assert.Single(Logger.Services);
        Assert.Equal(("Logger", "ILoggerService", "ILoggerClient", "LoggerService"), (service.Name, service.InterfaceName, service.ClientInterfaceName, service.ImplementationName));
    }

    [Fact]
    public void Methods_get_their_shape_and_stream_interfaces()
    {
        var methods = Logger.Services[0].Methods.ToDictionary(m => m.DesignName);

        Assert.Equal(StreamKind.Server, methods["subscribe"].Kind);
        Assert.Equal(StreamKind.Client, methods["publish"].Kind);
        Assert.Equal(StreamKind.Bidirectional, methods["watch"].Kind);
        Assert.Equal(StreamKind.None, methods["recent"].Kind);
        Assert.Equal(("ISubscribeServerStream", "ISubscribeClientStream"), (methods["subscribe"].ServerStreamInterface, methods["subscribe"].ClientStreamInterface));
        Assert.True(methods["publish"].HasStreamResult);
        Assert.True(methods["upload"].IsRawRequest);
        Assert.True(methods["download"].IsRawResponse);
        Assert.True(methods["events"].IsServerSentEvents);
        Assert.Equal("SubscribePayload", methods["subscribe"].Payload!.TypeName);
        Assert.Equal("LogEntry", methods["publish"].StreamingPayload!.TypeName);
    }

    [Fact]
    public void Each_stream_kind_and_transport_picks_its_runtime_type()
    {
        var methods = Logger.Services[0].Methods.ToDictionary(m => m.DesignName);

        Assert.Equal("Runtime::IServerStream, Runtime::IStreamSender<SubscribeResult>", methods["subscribe"].ServerStreamBases);
        Assert.Equal("Runtime::IServerStream, Runtime::IStreamReceiver<LogEntry>, Runtime::IStreamResultSender<PublishResult>", methods["publish"].ServerStreamBases);
        Assert.Equal("Runtime::IServerStream, Runtime::IViewedStreamSender<LogRecord, LogRecordView>, Runtime::IStreamReceiver<FilterUpdate>", methods["watch"].ServerStreamBases);
        Assert.Equal(
            "Runtime::IClientStream, Runtime::IStreamSender<FilterUpdate>, Runtime::IViewedStreamReceiver<LogRecord, LogRecordView>, Runtime::IStreamCloser",
            methods["watch"].ClientStreamBases);
        Assert.Equal("Runtime::IClientStream, Runtime::IStreamSender<LogEntry>, Runtime::IStreamResultReceiver<PublishResult>", methods["publish"].ClientStreamBases);

        Assert.Equal("Runtime::WebSocketServerStreamingStream<SubscribeResult>", methods["subscribe"].Http!.ServerStream!.BaseType);
        Assert.Equal("Runtime::WebSocketClientStreamingResultStream<LogEntry, PublishResult>", methods["publish"].Http!.ServerStream!.BaseType);
        Assert.Equal("Runtime::WebSocketViewedBidirectionalStream<FilterUpdate, LogRecord, LogRecordView>", methods["watch"].Http!.ServerStream!.BaseType);
        Assert.Equal("Runtime::ViewedServerSentEventsStream<LogRecord, LogRecordView>", methods["events"].Http!.ServerStream!.BaseType);
        Assert.Equal("Runtime::ViewedServerSentEventsClientStream<LogRecord, LogRecordView>", methods["events"].Http!.ClientStream!.BaseType);
        Assert.Equal("Runtime::WebSocketViewedBidirectionalCall<FilterUpdate, LogRecord, LogRecordView>", methods["watch"].Http!.ClientStream!.BaseType);
        Assert.Null(methods["recent"].Http!.ServerStream);

        Assert.Equal(
            ("Runtime::GrpcServerStreamingStream<SubscribeResult, Protos.SubscribeResponse>", "responses, context, LoggerProtoMapper.ToSubscribeResponse"),
            (methods["subscribe"].Grpc!.ServerStream!.BaseType, methods["subscribe"].Grpc!.ServerStream!.BaseArguments));
        Assert.Equal(
            "Runtime::GrpcClientStreamingResultStream<LogEntry, Protos.PublishRequest, PublishResult, Protos.PublishResponse>",
            methods["publish"].Grpc!.ServerStream!.BaseType);
        Assert.Equal(
            "Runtime::GrpcViewedBidirectionalCall<FilterUpdate, Protos.WatchRequest, LogRecord, Protos.WatchResponse, LogRecordView>",
            methods["watch"].Grpc!.ClientStream!.BaseType);
    }

    [Fact]
    public void A_view_the_method_fixes_is_passed_to_the_viewed_kind_and_left_out_of_the_interface()
    {
        var ticker = Chat.Services[0].Methods.Single(m => m.DesignName == "ticker");

        Assert.Equal("Runtime::IServerStream, Runtime::IStreamSender<ChatEvent>", ticker.ServerStreamBases);
        Assert.EndsWith(", ChatEventView.Compact", ticker.Http!.ServerStream!.BaseArguments, StringComparison.Ordinal);
        Assert.StartsWith("Runtime::WebSocketViewedServerStreamingStream<ChatEvent, ChatEventView>", ticker.Http.ServerStream.BaseType, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_statuses_are_one_table_per_distinct_mapping_of_a_service()
    {
        var service = Logger.Services[0];

        Assert.Equal(["ErrorStatus"], service.HttpErrorTables.Select(t => t.Name));
        Assert.Equal([("\"not_found\"", 404), ("\"gone\"", 410), ("\"unavailable\"", 503)], service.HttpErrorTables[0].Entries.Select(e => (e.NameLiteral, e.Status)));
        Assert.All(service.HttpMethods, m => Assert.Equal("ErrorStatus", m.Http!.ErrorStatusName));
        Assert.Equal([("\"not_found\"", "NotFound"), ("\"gone\"", "OutOfRange"), ("\"unavailable\"", "Unavailable")], Assert.Single(service.GrpcErrorTables).Entries.Select(e => (e.NameLiteral, e.StatusCode)));
    }

    [Fact]
    public void String_attributes_with_enum_values_become_one_enum_per_attribute_name_and_values()
    {
        var enums = Logger.Enums.ToDictionary(e => e.Name);
        var entry = Logger.Types.Single(t => t.Name == "LogEntry").Properties.Single(p => p.JsonName == "level");
        var record = Logger.Types.Single(t => t.Name == "LogRecord").Properties.Single(p => p.JsonName == "level");

        // level is shared by four records; action would be System.Action, which the generated host names, so it takes its record's name.
        Assert.Equal(["Level", "FilterUpdateAction", "View"], Logger.Enums.Select(e => e.Name));
        Assert.Equal([("Debug", 1, "\"debug\""), ("Info", 2, "\"info\""), ("Warn", 3, "\"warn\""), ("Error", 4, "\"error\"")], enums["Level"].Members.Select(m => (m.Name, m.Value, m.WireNameLiteral)));
        Assert.Same(entry.Type.Enum, record.Type.Enum);
        Assert.Equal(("Level", "Level.Info", "Level?"), (entry.TypeName, entry.DefaultLiteral, record.TypeName));
        Assert.Equal([("ParseEnum<View>", "FormatEnum"), ("ParseString", "FormatString")], Logger.Services[0].Methods.Single(m => m.DesignName == "watch").Http!.QueryParameters.Select(p => (p.ParseMethod, p.FormatMethod)));

        // Over gRPC, buf's rules: a zero UNSPECIFIED value, every value prefixed; the design's strings stay on the other wires.
        Assert.Equal(
            [("LEVEL_UNSPECIFIED", 0), ("LEVEL_DEBUG", 1), ("LEVEL_INFO", 2), ("LEVEL_WARN", 3), ("LEVEL_ERROR", 4)],
            enums["Level"].Proto!.Values.Select(v => (v.Name, v.Number)));
        Assert.Null(enums["View"].Proto);
        Assert.Equal("optional Level", Logger.Proto!.Messages.Single(m => m.Name == "PublishRequest").Fields.Single(f => f.Name == "level") is var f ? f.Label + f.ProtoType : null);
    }

    [Fact]
    public void Nullability_follows_required_defaults_and_views()
    {
        var entry = Logger.Types.Single(t => t.Name == "LogEntry").Properties.ToDictionary(p => p.JsonName);
        var record = Logger.Types.Single(t => t.Name == "LogRecord").Properties.ToDictionary(p => p.JsonName);

        Assert.Equal(("string", true, false), (entry["topic"].TypeName, entry["topic"].IsRequired, entry["topic"].HasDefault));
        Assert.Equal(("Level", false, "Level.Info", "set"), (entry["level"].TypeName, entry["level"].IsRequired, entry["level"].DefaultLiteral, entry["level"].SetterKeyword));
        Assert.Equal(("string", true), (record["id"].TypeName, record["id"].IsRequired));
        Assert.Equal(("string?", false), (record["timestamp"].TypeName, record["timestamp"].IsRequired));
    }

    [Fact]
    public void Views_list_what_each_renders_leaves_out_and_requires()
    {
        var record = Logger.Types.Single(t => t.Name == "LogRecord");

        Assert.Equal("LogRecordView", record.ViewEnumName);
        Assert.Equal(["Default", "Tiny"], record.Views.Select(v => v.Name));
        Assert.Empty(record.Views[0].Excluded);
        Assert.Equal(["Timestamp", "Topic", "Level", "TraceId"], record.Views[1].Excluded);
        Assert.Equal(["timestamp"], record.Views[0].RequiredNullable.Select(p => p.JsonName));
    }

    [Fact]
    public void Every_goa_type_maps_to_its_csharp_type()
    {
        var sample = Chat.Types.Single(t => t.Name == "Sample").Properties.ToDictionary(p => p.JsonName, p => p.TypeName);

        Assert.Equal("bool", sample["flag"]);
        Assert.Equal("int", sample["small"]);
        Assert.Equal("int?", sample["medium"]);
        Assert.Equal("long?", sample["large"]);
        Assert.Equal("uint?", sample["count"]);
        Assert.Equal("uint?", sample["count32"]);
        Assert.Equal("ulong?", sample["count64"]);
        Assert.Equal("float?", sample["ratio"]);
        Assert.Equal("double?", sample["score"]);
        Assert.Equal("string", sample["text"]);
        Assert.Equal("byte[]?", sample["blob"]);
        Assert.Equal("JsonElement?", sample["extra"]);
        Assert.Equal("IReadOnlyDictionary<int, string>?", sample["codes"]);
        var message = Chat.Types.Single(t => t.Name == "Message").Properties.ToDictionary(p => p.JsonName, p => p.TypeName);
        Assert.Equal("IReadOnlyList<string>?", message["mentions"]);
        Assert.Equal("MessageMeta?", message["meta"]);
        Assert.Equal("Message?", message["replyTo"]);
        var types = Chat.Types.Single(t => t.Name == "Sample");
        Assert.Equal(["System.CodeDom.Compiler", "System.Collections.Generic", "System.Text.Json", "System.Text.Json.Serialization"], types.Usings.Take(4));
    }

    [Fact]
    public void Routes_parameters_bodies_and_statuses_are_decided()
    {
        var join = Chat.Services[0].Methods.Single(m => m.DesignName == "join").Http!;
        var history = Chat.Services[0].Methods.Single(m => m.DesignName == "history").Http!;

        Assert.Equal(("POST", "/api/rooms/{room}/members", 201), (join.Verb, join.Route, join.SuccessStatus));
        Assert.Equal(["room"], join.PathParameters.Select(p => p.Key));
        Assert.Equal([("token", "Authorization")], join.HeaderParameters.Select(p => (p.Property.JsonName, p.Key)));
        Assert.Equal(("JoinRequestBody", true), (join.RequestBody!.TypeName, join.RequestBody.IsPartial));
        Assert.Equal(["profile", "notify"], join.RequestBody.Properties.Select(p => p.JsonName));
        Assert.Equal([("members", "X-Member-Count")], join.ResponseHeaders.Select(h => (h.Property.JsonName, h.Header)));
        Assert.Equal([("\"room_not_found\"", 404)], join.Errors.Select(e => (e.NameLiteral, e.Status)));
        Assert.Equal([("limit", "ParseInt32", false), ("before", "ParseInt64", false), ("tags", "ParseString", true)], history.QueryParameters.Select(p => (p.Key, p.ParseMethod, p.IsArray)));
    }

    [Fact]
    public void Protobuf_messages_keep_the_design_field_numbers_and_mark_optional_fields()
    {
        var proto = Logger.Proto!;
        var publish = proto.Messages.Single(m => m.Name == "PublishRequest");

        Assert.Equal(("logger", "logger/logger.proto", "Acme.Logger.Protos"), (proto.Package, proto.RelativePath, proto.CSharpNamespace));
        Assert.Equal([("topic", 1, ""), ("message", 2, ""), ("level", 3, "optional ")], publish.Fields.Select(f => (f.Name, f.Number, f.Label)));
        Assert.Equal(["Subscribe", "Publish", "Watch", "Recent"], proto.Services.Single().Rpcs.Select(r => r.Name));
        Assert.Equal((true, true), (proto.Services[0].Rpcs[2].ClientStreaming, proto.Services[0].Rpcs[2].ServerStreaming));
        Assert.Equal("repeated ", proto.Messages.Single(m => m.Name == "RecentResponse").Fields.Single().Label);
        Assert.Equal(["view", "since", "requestid"], Logger.Services[0].Methods.Single(m => m.DesignName == "watch").Grpc!.Metadata.Select(m => m.Key));
    }

    [Fact]
    public void Names_that_collide_across_services_are_prefixed_deterministically()
    {
        var model = Designs.Model("""
            api: { name: twins }
            services:
              alpha:
                methods:
                  ping: { payload: { attributes: { id: { type: String } } }, streamingResult: String }
              beta:
                methods:
                  ping: { payload: { attributes: { id: { type: String } } }, streamingResult: String }
            """);

        Assert.Equal(["PingPayload", "BetaPingPayload"], model.Types.Select(t => t.Name));
        Assert.Equal(["IPingServerStream", "IBetaPingServerStream"], model.Services.Select(s => s.Methods[0].ServerStreamInterface));
    }

    [Fact]
    public void Keywords_and_member_clashes_become_valid_csharp()
    {
        var model = Designs.Model("""
            api: { name: odd }
            types:
              Value:
                attributes:
                  value: { type: String }
                  class: { type: String }
                  event: { type: Int }
                  validate: { type: Boolean }
            services: { odd: { methods: {} } }
            """);

        var properties = model.Types.Single().Properties;
        Assert.Equal(["ValueValue", "Class", "Event", "ValidateValue"], properties.Select(p => p.Name));
        Assert.Equal(["valueValue", "classValue", "eventValue", "validateValue"], properties.Select(p => p.LocalName));
    }
}
