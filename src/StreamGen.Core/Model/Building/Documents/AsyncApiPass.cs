using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Model.Documents;
using StreamGen.Naming;

namespace StreamGen.Model.Building.Documents;

/// <summary>
/// The AsyncAPI channels of the streaming routes, from a client's side: a <c>receive</c> operation for what the server
/// streams (a message per view of a result type), a <c>send</c> operation for what the client streams (then the
/// end-of-stream <c>null</c> message, and the result as the reply of a client stream that has one).
/// </summary>
internal sealed class AsyncApiPass
{
    private const string EndOfStreamIdentity = "end-of-stream";

    private static readonly NameOwner DocumentElement = new("a message the AsyncAPI document always has");

    private readonly ModelContext _context;
    private readonly DocumentSchemas _schemas;
    private readonly NameScope _scope;
    private readonly Dictionary<string, AsyncApiMessageModel> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messageKeys = new(StringComparer.Ordinal);

    public AsyncApiPass(ModelContext context, ModelNames names, DocumentSchemas schemas)
    {
        _context = context;
        _schemas = schemas;
        _scope = names.Registry.Add("messages of the AsyncAPI document", IdentifierSyntax.DocumentKey);
        EndOfStream = _scope.Allocate(DocumentElement, "EndOfStream");
    }

    /// <summary>The key of the <c>null</c> message that ends a client's stream.</summary>
    public string EndOfStream { get; }

    /// <summary>The document: the WebSocket server on <paramref name="host"/>, a channel per stream, their operations, messages and schemas.</summary>
    public AsyncApiModel Run(IReadOnlyList<DocumentRoute> streams, string host)
    {
        var channels = streams.Select(Channel).ToList();
        var messages = _messages.Values.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new AsyncApiModel
        {
            ServerKey = "websocket",
            Host = host,
            Protocol = "ws",
            ServerDescription = "The HTTP port: every streaming route upgrades to a WebSocket there.",
            DefaultContentType = "application/json",
            Channels = [.. channels.Select(c => c.Channel).OrderBy(c => c.Key, StringComparer.Ordinal)],
            Operations = [.. channels.SelectMany(c => c.Operations).OrderBy(o => o.Key, StringComparer.Ordinal)],
            Messages = messages,
            CloseCodes = DocumentTexts.CloseCodes,
            Schemas = _schemas.Reachable(messages.SelectMany(m => new[] { m.Payload, m.Headers }).Concat(channels.SelectMany(c => new[] { c.Channel.Query, c.Channel.Headers })).OfType<SchemaModel>()),
            SecuritySchemes = new DocumentSecurity(_context).Schemes(streams),
        };
    }

    private ChannelOperations Channel(DocumentRoute route)
    {
        var (method, http) = (route.Method, route.Http);
        var payload = _context.ObjectOf(method.Payload, TypeRole.Payload);
        var sent = method.StreamingPayload is { } streamingPayload ? [Message(route, streamingPayload, TypeRole.StreamingPayload), EndOfStreamMessage()] : new List<string>();
        var received = method.StreamingResult is { } streamingResult ? ResultMessages(route, streamingResult, TypeRole.StreamingResult) : [];
        var reply = method.StreamingPayload is not null && method.Result is { } result ? ResultMessages(route, result, TypeRole.Result) : [];
        var channel = route.Channel!;
        var requirements = method.SecurityOf(route.Service, _context.Api);
        IReadOnlyList<string> security = [.. requirements.SelectMany(r => r.Schemes ?? []).Distinct(StringComparer.Ordinal)];
        var operations = new List<AsyncApiOperationModel>();
        if (route.SendOperation is { } send)
        {
            operations.Add(new AsyncApiOperationModel
            {
                Key = send,
                Action = AsyncApiAction.Send,
                Channel = channel,
                Title = $"Send the messages of {method.Name}",
                Summary = "The client streams its messages, then null.",
                Description = "Each message is one text frame holding one JSON value; the client ends its half of the stream with the message null. "
                    + (reply.Count > 0 ? "The server then replies with the result, and closes with 1000."
                        : method.StreamingResult is not null ? "The server goes on sending until it closes with 1000."
                        : "The server closes with 1000 once its handler has returned."),
                Messages = sent,
                Reply = reply,
                Security = security,
            });
        }

        if (route.ReceiveOperation is { } receive)
        {
            operations.Add(new AsyncApiOperationModel
            {
                Key = receive,
                Action = AsyncApiAction.Receive,
                Channel = channel,
                Title = $"Receive the results of {method.Name}",
                Summary = "The server streams its results.",
                Description = "Each result is one text frame holding one JSON value"
                    + (received.Count > 1 ? ", rendered in the view the upgrade response names in its Goa-View header" : "")
                    + ". The server ends the stream with close code 1000 after its last result; any other close code is an error (see the channel).",
                Messages = received,
                Reply = [],
                Security = security,
            });
        }

        if (requirements.Count > 0)
        {
            // AsyncAPI's security lists alternatives, one scheme each: say which schemes go together, and which scopes.
            var admits = "The upgrade is admitted with " + string.Join(", or ", requirements.Select(r =>
                string.Join(" and ", r.Schemes ?? []) + (r.Scopes is { Count: > 0 } scopes ? $" (scopes {string.Join(", ", scopes)})" : "")))
                + "; otherwise it is refused with 401 (403 for a missing scope) before any upgrade.";
            operations = [.. operations.Select(o => o with { Description = o.Description + " " + admits })];
        }

        return new ChannelOperations(new AsyncApiChannelModel
        {
            Key = channel,
            Address = route.Path,
            Title = method.Name,
            Summary = FirstLine(method.Description),
            Description = ChannelDescription(route),
            Parameters = [.. route.Route.Parameters.Select(p => Parameter(route.PathNames[p], p, payload!.Attributes[p]))],
            Method = route.Verb.Token(),
            Query = ObjectOf(payload, (http.Params ?? []).Select(p => new KeyedAttribute(p, p))),
            Headers = ObjectOf(payload, http.Headers.Entries().Select(h => new KeyedAttribute(h.Key, h.Value))
                .Concat(http.ServerSentEvents?.LastEventId is { } last ? [new KeyedAttribute(last, "Last-Event-ID")] : [])),
            Messages = [.. sent.Concat(reply).Concat(received).Distinct(StringComparer.Ordinal)],
        }, operations);
    }

    private string ChannelDescription(DocumentRoute route)
    {
        var method = route.Method;
        var parts = new List<string>();
        if (method.Description is { Length: > 0 } description)
        {
            parts.Add(description.Trim());
        }

        var shape = (method.StreamingPayload, method.StreamingResult) switch
        {
            (null, _) => "The server streams its results; the client sends nothing.",
            (_, null) => "The client streams its messages and ends with null" + (method.Result is not null ? "; the server replies with the result." : "."),
            _ => "Both stream at once: the client ends its half with null, the server ends the stream by closing with 1000.",
        };
        parts.Add($"A WebSocket stream in Goa's wire protocol, opened by a {route.Verb.Token()} upgrade request on the address, whose path, query and headers carry the payload "
            + $"(decoded and validated before the upgrade: a bad one gets the HTTP error response of OpenAPI operation `{route.OperationId}`). "
            + $"Every message is one text frame holding one JSON value. {shape}");
        if (DocumentTexts.Credentials(_context.ObjectOf(method.Payload, TypeRole.Payload)) is { } credentials)
        {
            parts.Add(credentials);
        }

        parts.Add("Close codes:\n\n" + string.Join("\n", DocumentTexts.CloseCodes.Select(c => $"- {c.Code} ({c.Name}): {c.Meaning}")) + "\n\n" + DocumentTexts.CloseReason);
        return string.Join("\n\n", parts);
    }

    private AsyncApiParameterModel Parameter(string key, string name, DesignAttribute attribute)
    {
        var type = _context.TypeOf(attribute, name);
        return new AsyncApiParameterModel(
            key,
            key == name ? attribute.Description : DocumentTexts.PayloadAttribute(name, attribute.Description),
            [.. (attribute.Enum ?? []).Select(v => JsonLiterals.Text(type, v)).OfType<string>()],
            attribute.Default is { } value ? JsonLiterals.Text(type, value) : null,
            attribute.Example is { } example && JsonLiterals.Text(type, example) is { } text ? [text] : []);
    }

    /// <summary>Query parameters or headers of the upgrade as an object schema, as the ws binding takes them; null when there are none.</summary>
    private SchemaModel? ObjectOf(DesignObject? payload, IEnumerable<KeyedAttribute> entries)
    {
        var list = entries.ToList();
        if (payload is null || list.Count == 0)
        {
            return null;
        }

        return new SchemaModel
        {
            Kind = SchemaKind.Object,
            Properties = [.. list.Select(e => new SchemaPropertyModel(e.Key, _schemas.Attribute(payload.Attributes[e.Attribute], e.Attribute)))],
            Required = [.. list.Where(e => payload.IsRequired(e.Attribute) && payload.Attributes[e.Attribute].Default is null
                && _context.TypeOf(payload.Attributes[e.Attribute], e.Attribute) is not ArrayTypeExpression).Select(e => e.Key)],
        };
    }

    /// <summary>The messages of a result: one per view when it is a result type, else one.</summary>
    private List<string> ResultMessages(DocumentRoute route, DesignTypeRef reference, TypeRole role)
    {
        if (_context.ObjectOf(reference, role) is { ResultType: not null } type)
        {
            var views = reference.View is { } fixedView ? [fixedView] : _schemas.ChosenViews(reference, role);
            return [.. views.Select(v => ViewMessage(type, v))];
        }

        return [Message(route, reference, role)];
    }

    /// <summary>A message of a result type in one view: its payload is the view's schema, its Goa-View header names the view.</summary>
    private string ViewMessage(DesignObject type, string view)
    {
        var payload = _schemas.Reference(type, view);
        return Add("view:" + payload.Reference, payload.Reference!, () => new AsyncApiMessageModel
        {
            Key = "",
            Title = view == "default" ? $"{type.TypeName}" : $"{type.TypeName} (view {view})",
            Summary = null,
            Description = $"{type.TypeName} rendered in view {view}.",
            Payload = payload,
            Headers = new SchemaModel
            {
                Kind = SchemaKind.Object,
                Properties = [new SchemaPropertyModel("Goa-View", new SchemaModel { Kind = SchemaKind.String, Const = view, Description = "The upgrade response's header naming the view of every result of the stream (absent when the server chose none: the default view)." })],
            },
        });
    }

    /// <summary>A message of any other type: named after its component, or after the method and role for a primitive or collection.</summary>
    private string Message(DocumentRoute route, DesignTypeRef reference, TypeRole role)
    {
        var payload = _schemas.Use(reference, role);
        var (identity, key) = payload.Reference is { } component
            ? ("schema:" + component, component)
            : ($"{route.OperationId}/{role.Key()}", DocumentNaming.ToKey(CSharpNaming.ToPascalCase(route.Method.Name) + CSharpNaming.ToPascalCase(role.Key())));
        return Add(identity, key, () => new AsyncApiMessageModel
        {
            Key = "",
            Title = payload.Reference ?? $"{route.Method.Name} {role.Key()}",
            Summary = null,
            Description = payload.Reference is null ? $"The {role.Key()} of {route.Method.Name}: one JSON value." : null,
            Payload = payload,
            Headers = null,
        });
    }

    private string EndOfStreamMessage() => Add(EndOfStreamIdentity, EndOfStream, () => new AsyncApiMessageModel
    {
        Key = "",
        Title = "End of stream",
        Summary = "The JSON value null: the client's stream has ended.",
        Description = DocumentTexts.EndOfStreamDescription,
        Payload = new SchemaModel { Kind = SchemaKind.Null },
        Headers = null,
    });

    /// <summary>The key of the message with <paramref name="identity"/>, creating it (under a free key) the first time.</summary>
    private string Add(string identity, string preferredKey, Func<AsyncApiMessageModel> create)
    {
        if (_messageKeys.TryGetValue(identity, out var key))
        {
            return key;
        }

        key = identity == EndOfStreamIdentity ? EndOfStream : _scope.Allocate(new NameOwner($"message {identity}"), preferredKey);
        _messageKeys[identity] = key;
        _messages[key] = create() with { Key = key };
        return key;
    }

    private static string? FirstLine(string? text) => text is { Length: > 0 } ? text.Trim().Split('\n')[0].Trim() : null;

    /// <summary>A payload attribute and the key it travels under (a query parameter or a header). A class, not a tuple: LINQ over value tuples is generic code over structs that ReadyToRun cannot precompile.</summary>
    private sealed record KeyedAttribute(string Attribute, string Key);

    /// <summary>A stream's channel and its operations (a class, not a value tuple, for the reason KeyedAttribute is one).</summary>
    private sealed record ChannelOperations(AsyncApiChannelModel Channel, IReadOnlyList<AsyncApiOperationModel> Operations);
}
