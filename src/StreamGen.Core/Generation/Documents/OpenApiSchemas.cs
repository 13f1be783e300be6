using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using StreamGen.Model.Documents;

namespace StreamGen.Generation.Documents;

/// <summary>The documents' schemas as Microsoft.OpenApi schema objects, which both document writers serialize as OpenAPI 3.1 (JSON Schema) text.</summary>
internal static class OpenApiSchemas
{
    /// <summary>The schema object of <paramref name="model"/>; references resolve in <paramref name="host"/> when given.</summary>
    public static IOpenApiSchema Of(SchemaModel model, OpenApiDocument? host = null)
    {
        if (model.Kind == SchemaKind.Reference)
        {
            return new OpenApiSchemaReference(model.Reference!, host) { Description = model.Description };
        }

        var schema = new OpenApiSchema
        {
            Type = model.Kind switch
            {
                SchemaKind.Boolean => JsonSchemaType.Boolean,
                SchemaKind.Integer => JsonSchemaType.Integer,
                SchemaKind.Number => JsonSchemaType.Number,
                SchemaKind.String => JsonSchemaType.String,
                SchemaKind.Array => JsonSchemaType.Array,
                SchemaKind.Map or SchemaKind.Object => JsonSchemaType.Object,
                SchemaKind.Null => JsonSchemaType.Null,
                _ => null,
            },
            Description = model.Description,
            Format = model.Format,
            Pattern = model.Pattern,
            ContentEncoding = model.ContentEncoding,
            MinLength = model.MinLength,
            MaxLength = model.MaxLength,
            Minimum = model.Minimum,
            Maximum = model.Maximum,
            ExclusiveMinimum = model.ExclusiveMinimum,
            ExclusiveMaximum = model.ExclusiveMaximum,
            Default = model.Default is { } value ? JsonNode.Parse(value) : null,
            Enum = model.Enum.Count > 0 ? [.. model.Enum.Select(v => JsonNode.Parse(v)!)] : null,
            Examples = model.Examples.Count > 0 ? [.. model.Examples.Select(v => JsonNode.Parse(v)!)] : null,
            AnyOf = model.AnyOf.Count > 0 ? [.. model.AnyOf.Select(s => Of(s, host))] : null,
        };
        if (model.Const is { } constant)
        {
            // Assigned only when there is one: the library writes "const: null" for a const set to null.
            schema.Const = constant;
        }

        switch (model.Kind)
        {
            case SchemaKind.Array:
                schema.Items = Of(model.Items!, host);
                schema.MinItems = model.MinItems;
                schema.MaxItems = model.MaxItems;
                break;
            case SchemaKind.Map:
                schema.AdditionalProperties = Of(model.Items!, host);
                schema.PropertyNames = model.KeyPattern is { } pattern ? new OpenApiSchema { Pattern = pattern } : null;
                schema.MinProperties = model.MinItems;
                schema.MaxProperties = model.MaxItems;
                break;
            case SchemaKind.Object:
                schema.Properties = model.Properties.Count > 0 ? model.Properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)Of(p.Schema, host), StringComparer.Ordinal) : null;
                schema.Required = model.Required.Count > 0 ? new SortedSet<string>(model.Required, StringComparer.Ordinal) : null;
                break;
        }

        return schema;
    }
}
