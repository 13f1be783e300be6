using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Model.Documents;
using StreamGen.Naming;

namespace StreamGen.Model.Building.Documents;

/// <summary>
/// The JSON Schemas of the documents. Every object type is a component named after it (inline ones after their
/// record), a result type has a component per view (<c>LogRecord</c> for its default view, <c>LogRecordTiny</c> for
/// view tiny: Goa's convention), and partial HTTP bodies and Goa's error body have theirs. A use of a type is a
/// reference to its component (a result type's default view unless the use fixes another, as Goa renders nested result
/// types), or an inline schema for primitives and collections, carrying the attribute's validations.
/// </summary>
internal sealed class DocumentSchemas
{
    private static readonly NameOwner DocumentElement = new("a schema the documents always have");

    private readonly ModelContext _context;
    private readonly NameScope _scope;
    private readonly Dictionary<DesignObject, string> _objects = [];
    private readonly Dictionary<TypeMemberKey, string> _views = [];
    private readonly Dictionary<string, SchemaComponentModel> _components = new(StringComparer.Ordinal);

    public DocumentSchemas(ModelContext context, ModelNames names)
    {
        _context = context;
        _scope = names.Registry.Add("schemas of the OpenAPI and AsyncAPI documents", IdentifierSyntax.DocumentKey);

        // Names first (design types, then inline types, then the views), so a design name keeps its spelling.
        foreach (var type in context.Index.NamedObjects)
        {
            _objects[type] = _scope.Allocate(Owner(type), DocumentNaming.ToKey(type.TypeName!));
        }

        foreach (var type in names.Objects.Where(o => o.TypeName is null))
        {
            _objects[type] = _scope.Allocate(Owner(type), DocumentNaming.ToKey(names.Record(type).Name));
        }

        foreach (var type in context.Index.NamedObjects)
        {
            foreach (var view in ViewsOf(type).Keys.Where(v => v != "default"))
            {
                _views[new TypeMemberKey(type, view)] = _scope.Allocate(Owner(type), _objects[type] + DocumentNaming.ToKey(CSharpNaming.ToPascalCase(view)));
            }
        }

        Error = _scope.Allocate(DocumentElement, "Error", "GoaError");
        foreach (var (type, name) in _objects)
        {
            Add(name, ObjectSchema(type, ViewsOf(type).GetValueOrDefault("default"), null));
        }

        foreach (var ((type, view), name) in _views)
        {
            Add(name, ObjectSchema(type, ViewsOf(type)[view], view));
        }

        Add(Error, ErrorSchema());
    }

    /// <summary>The component of Goa's error body.</summary>
    public string Error { get; }

    /// <summary>The schema of a method's payload or result as a whole, in the view the method fixes if any.</summary>
    public SchemaModel Use(DesignTypeRef reference, TypeRole role)
    {
        var type = _context.TypeOf(reference, role);
        var schema = Of(type, null, reference.View);
        return type is InlineTypeExpression || reference.Description is null ? schema : schema with { Description = reference.Description };
    }

    /// <summary>The schema of an attribute: its type with its validations, default, example and description.</summary>
    public SchemaModel Attribute(DesignAttribute attribute, string name) => Of(_context.TypeOf(attribute, name), attribute, null);

    /// <summary>A reference to the component of <paramref name="type"/> in <paramref name="view"/> (its default view when null).</summary>
    public SchemaModel Reference(DesignObject type, string? view) =>
        new() { Kind = SchemaKind.Reference, Reference = view is null or "default" ? _objects[type] : _views[new TypeMemberKey(type, view)] };

    /// <summary>The views a streamed result type may be sent in, when the server chooses (no view fixed by the method); empty otherwise.</summary>
    public IReadOnlyList<string> ChosenViews(DesignTypeRef reference, TypeRole role) =>
        reference.View is null && _context.ObjectOf(reference, role) is { ResultType: not null } type ? [.. ViewsOf(type).Keys] : [];

    /// <summary>
    /// A component for an HTTP body that holds some of an object's attributes (Goa's request and response body types),
    /// named after the body record the C# code has.
    /// </summary>
    public SchemaModel Body(string recordName, DesignObject type, IReadOnlyList<string> attributes, string description)
    {
        var name = _scope.Allocate(Owner(type), DocumentNaming.ToKey(recordName));
        Add(name, ObjectSchema(type, attributes, null) with { Description = description });
        return new SchemaModel { Kind = SchemaKind.Reference, Reference = name };
    }

    /// <summary>The components <paramref name="roots"/> use, directly or through other components, in ordinal order.</summary>
    public IReadOnlyList<SchemaComponentModel> Reachable(IEnumerable<SchemaModel> roots)
    {
        // Found by name, then ordered: a SortedDictionary of strings is generic code over KeyValuePair that ReadyToRun
        // cannot precompile.
        var found = new Dictionary<string, SchemaComponentModel>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots.SelectMany(r => r.References()));
        while (pending.TryPop(out var name))
        {
            if (found.TryAdd(name, _components[name]))
            {
                foreach (var reference in _components[name].Schema.References())
                {
                    pending.Push(reference);
                }
            }
        }

        var names = new List<string>(found.Keys);
        names.Sort(StringComparer.Ordinal);
        return names.ConvertAll(name => found[name]);
    }

    private SchemaModel Of(TypeExpression type, DesignAttribute? attribute, string? view) => type switch
    {
        PrimitiveTypeExpression primitive => Primitive(primitive, attribute),
        ArrayTypeExpression array => Collection(SchemaKind.Array, Of(array.Element, null, null), null, type, attribute),
        MapTypeExpression map => Collection(SchemaKind.Map, Of(map.Value, null, null), KeyPattern(map.Key), type, attribute),
        _ => Reference(_context.Index.ObjectOf(type)!, view) with
        {
            // An inline object's description is its component's already.
            Description = type is InlineTypeExpression ? null : attribute?.Description,
        },
    };

    private static SchemaModel Primitive(PrimitiveTypeExpression type, DesignAttribute? attribute)
    {
        var kind = PrimitiveForm.Normalize(type.Kind);
        var schema = kind switch
        {
            PrimitiveKind.Boolean => new SchemaModel { Kind = SchemaKind.Boolean },
            PrimitiveKind.Int32 => new SchemaModel { Kind = SchemaKind.Integer, Format = "int32" },
            PrimitiveKind.Int64 => new SchemaModel { Kind = SchemaKind.Integer, Format = "int64" },
            PrimitiveKind.UInt32 => new SchemaModel { Kind = SchemaKind.Integer, Format = "uint32", Minimum = "0" },
            PrimitiveKind.UInt64 => new SchemaModel { Kind = SchemaKind.Integer, Format = "uint64", Minimum = "0" },
            PrimitiveKind.Float32 => new SchemaModel { Kind = SchemaKind.Number, Format = "float" },
            PrimitiveKind.Float64 => new SchemaModel { Kind = SchemaKind.Number, Format = "double" },
            PrimitiveKind.String => new SchemaModel { Kind = SchemaKind.String },
            PrimitiveKind.Bytes => new SchemaModel { Kind = SchemaKind.String, ContentEncoding = "base64" },
            _ => new SchemaModel { Kind = SchemaKind.Any },
        };
        if (attribute is null)
        {
            return schema;
        }

        schema = Literals(schema, type, attribute) with
        {
            Enum = attribute.Enum?.Select(v => JsonLiterals.Of(type, v)).OfType<string>().ToList() ?? [],
        };
        if (kind == PrimitiveKind.String)
        {
            schema = schema with
            {
                Format = attribute.Format is { } format ? JsonSchemaFormat(format) : null,
                Pattern = attribute.Pattern,
                MinLength = attribute.MinLength,
                MaxLength = attribute.MaxLength,
            };
        }
        else if (kind == PrimitiveKind.Bytes)
        {
            // The design bounds the bytes; JSON carries base64 text, 4 characters per 3 bytes (padded).
            schema = schema with { MinLength = Base64Length(attribute.MinLength), MaxLength = Base64Length(attribute.MaxLength) };
        }
        else if (kind.IsNumber())
        {
            schema = schema with
            {
                Minimum = attribute.Minimum is { } minimum ? JsonLiterals.Number(schema.Minimum is null ? minimum : Math.Max(minimum, 0)) ?? schema.Minimum : schema.Minimum,
                Maximum = attribute.Maximum is { } maximum ? JsonLiterals.Number(maximum) : null,
                ExclusiveMinimum = attribute.ExclusiveMinimum is { } exclusiveMinimum ? JsonLiterals.Number(exclusiveMinimum) : null,
                ExclusiveMaximum = attribute.ExclusiveMaximum is { } exclusiveMaximum ? JsonLiterals.Number(exclusiveMaximum) : null,
            };
        }

        return schema;
    }

    private static SchemaModel Collection(SchemaKind kind, SchemaModel items, string? keyPattern, TypeExpression type, DesignAttribute? attribute)
    {
        var schema = new SchemaModel { Kind = kind, Items = items, KeyPattern = keyPattern };
        return attribute is null ? schema : Literals(schema, type, attribute) with { MinItems = attribute.MinItems, MaxItems = attribute.MaxItems };
    }

    private static SchemaModel Literals(SchemaModel schema, TypeExpression type, DesignAttribute attribute) => schema with
    {
        Description = attribute.Description,
        Default = attribute.Default is { } value ? JsonLiterals.Of(type, value) : null,
        Examples = attribute.Example is { } example && JsonLiterals.Of(type, example) is { } json ? [json] : [],
    };

    /// <summary>JSON carries map keys as strings: integer keys are their decimal text, booleans true or false.</summary>
    private static string? KeyPattern(TypeExpression key) => key switch
    {
        PrimitiveTypeExpression { Kind: PrimitiveKind.UInt or PrimitiveKind.UInt32 or PrimitiveKind.UInt64 } => "^[0-9]+$",
        PrimitiveTypeExpression { Kind: var kind } when kind.IsInteger() => "^-?[0-9]+$",
        PrimitiveTypeExpression { Kind: PrimitiveKind.Boolean } => "^(true|false)$",
        _ => null,
    };

    /// <summary>Goa's format names, as JSON Schema names the same formats where it has them; the others as Goa writes them.</summary>
    private static string JsonSchemaFormat(string format) => format switch
    {
        "regexp" => "regex",
        "rfc1123" => "http-date",
        _ => format,
    };

    private static int? Base64Length(int? bytes) => bytes is { } count ? (count + 2) / 3 * 4 : null;

    /// <summary>An object's attributes (those of one view, for a view), required as the design says unless defaulted.</summary>
    private SchemaModel ObjectSchema(DesignObject type, IReadOnlyList<string>? attributes, string? view)
    {
        var included = (attributes ?? [.. type.Attributes.Keys]).ToHashSet(StringComparer.Ordinal);
        var description = DescriptionOf(type);
        if (view is not null)
        {
            var rendered = $"{type.TypeName} in view {view}: {string.Join(", ", attributes!)}.";
            description = description is null ? rendered : $"{description}\n\n{rendered}";
        }

        return new SchemaModel
        {
            Kind = SchemaKind.Object,
            Description = description,
            Properties = [.. type.Attributes.Entries().Where(a => included.Contains(a.Key)).Select(a => new SchemaPropertyModel(a.Key, Attribute(a.Value, a.Key)))],
            Required = [.. type.Attributes.Entries().Where(a => included.Contains(a.Key) && type.IsRequired(a.Key) && a.Value.Default is null).Select(a => a.Key)],
        };
    }

    private static SchemaModel ErrorSchema()
    {
        static SchemaPropertyModel Property(string name, SchemaKind kind, string description) => new(name, new SchemaModel { Kind = kind, Description = description });
        return new SchemaModel
        {
            Kind = SchemaKind.Object,
            Description = "Goa's error body (ErrorResult), the same on every transport; the goa-error header names the error too.",
            Properties =
            [
                Property("name", SchemaKind.String, "The error's name: one the design declares, a validation check (missing_field, invalid_length, ...) or fault."),
                Property("id", SchemaKind.String, "A unique id of this occurrence, to find it in the server's log."),
                Property("message", SchemaKind.String, "What went wrong, for a person."),
                Property("temporary", SchemaKind.Boolean, "Whether the request may succeed if retried."),
                Property("timeout", SchemaKind.Boolean, "Whether the error is a timeout."),
                Property("fault", SchemaKind.Boolean, "Whether the server failed (a bug), rather than the request."),
            ],
            Required = ["name", "id", "message", "temporary", "timeout", "fault"],
        };
    }

    private static string? DescriptionOf(DesignObject type) => (type.Owner switch
    {
        DesignType named => named.Description,
        DesignTypeRef reference => reference.Description,
        DesignAttribute attribute => attribute.Description,
        _ => null,
    }) is { Length: > 0 } text ? text.Trim() : null;

    /// <summary>A result type's views with their attributes: as declared, or one default view with every attribute; none for other types.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ViewsOf(DesignObject type) =>
        type.ResultType is null ? new Dictionary<string, IReadOnlyList<string>>()
        : type.ResultType.Views is { Count: > 0 } views ? views.ToDictionary((_, attributes) => (IReadOnlyList<string>)attributes)
        : new Dictionary<string, IReadOnlyList<string>> { ["default"] = [.. type.Attributes.Keys] };

    private void Add(string name, SchemaModel schema) => _components.Add(name, new SchemaComponentModel(name, schema));

    private static NameOwner Owner(DesignObject type) => new(type.Description, type.Owner.Span);
}
