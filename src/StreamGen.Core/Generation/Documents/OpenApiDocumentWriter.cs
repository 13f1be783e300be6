using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using StreamGen.Design;
using StreamGen.Model.Documents;

namespace StreamGen.Generation.Documents;

/// <summary>
/// Writes the OpenAPI 3.1 document with Microsoft.OpenApi: the model's paths, operations and schemas as the library's
/// objects, serialized as indented JSON with '\n' newlines. Every collection is filled in the model's (ordinal) order.
/// </summary>
internal static class OpenApiDocumentWriter
{
    public static string Write(DocumentsModel documents)
    {
        var model = documents.OpenApi;
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = documents.Title, Version = documents.Version, Description = documents.Description },
            Servers = [new OpenApiServer { Url = model.ServerUrl, Description = model.ServerDescription }],
            Paths = [],
            Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) },
        };
        document.Tags = new SortedSet<OpenApiTag>(model.Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }), Comparer<OpenApiTag>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)));
        foreach (var component in model.Schemas)
        {
            document.Components.Schemas[component.Name] = OpenApiSchemas.Of(component.Schema, document);
        }

        if (model.SecuritySchemes.Count > 0)
        {
            document.Components.SecuritySchemes = model.SecuritySchemes.ToDictionary(s => s.Name, s => (IOpenApiSecurityScheme)SecurityScheme(s), StringComparer.Ordinal);
        }

        foreach (var path in model.Paths)
        {
            var item = new OpenApiPathItem { Operations = [] };
            foreach (var operation in path.Operations)
            {
                item.Operations[Method(operation.Verb)] = Operation(operation, document);
            }

            document.Paths[path.Path] = item;
        }

        using var text = new StringWriter { NewLine = "\n" };
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static OpenApiOperation Operation(OpenApiOperationModel model, OpenApiDocument document)
    {
        var operation = new OpenApiOperation
        {
            OperationId = model.OperationId,
            Summary = model.Summary,
            Description = model.Description.Length > 0 ? model.Description : null,
            Tags = new HashSet<OpenApiTagReference> { new(model.Tag, document) },
            Parameters = model.Parameters.Count > 0 ? [.. model.Parameters.Select(p => (IOpenApiParameter)Parameter(p, document))] : null,
            RequestBody = model.RequestBody is { } body
                ? new OpenApiRequestBody { Description = body.Description, Required = body.Required, Content = Content(body.Content, document) }
                : null,
            Responses = [],
            Security = model.Security.Count > 0
                ? [.. model.Security.Select(r =>
                {
                    var requirement = new OpenApiSecurityRequirement();
                    foreach (var (scheme, scopes) in r.Schemes)
                    {
                        requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [.. scopes];
                    }

                    return requirement;
                })]
                : null,
        };
        foreach (var response in model.Responses)
        {
            operation.Responses[response.Status] = new OpenApiResponse
            {
                Description = response.Description,
                Headers = response.Headers.Count > 0
                    ? response.Headers.ToDictionary(h => h.Name, h => (IOpenApiHeader)new OpenApiHeader
                    {
                        Description = h.Description,
                        Required = h.Required,
                        Schema = OpenApiSchemas.Of(h.Schema, document),
                    }, StringComparer.Ordinal)
                    : null,
                Content = response.Content.Count > 0 ? Content(response.Content, document) : null,
            };
        }

        if (model.AsyncApi is { } link)
        {
            // Where the stream's messages are described: the AsyncAPI document beside this one, its channel and operations.
            operation.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                ["x-asyncapi"] = new JsonNodeExtension(new JsonObject
                {
                    ["document"] = link.Document,
                    ["channel"] = link.Channel,
                    ["operations"] = new JsonArray([.. link.Operations.Select(o => (JsonNode)JsonValue.Create(o))]),
                }),
            };
        }

        return operation;
    }

    private static OpenApiSecurityScheme SecurityScheme(DocumentSecuritySchemeModel model) => model.Kind switch
    {
        "apiKey" => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            Description = model.Description,
            Name = model.ParameterName,
            In = model.In == "query" ? ParameterLocation.Query : ParameterLocation.Header,
        },
        "jwt" => new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Description = model.Description, Scheme = "bearer", BearerFormat = "JWT" },
        "basic" => new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Description = model.Description, Scheme = "basic" },
        _ => new OpenApiSecurityScheme { Type = SecuritySchemeType.OAuth2, Description = model.Description, Flows = Flows(model) },
    };

    private static Dictionary<string, string> Scopes(DocumentSecuritySchemeModel model)
    {
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, description) in model.Scopes)
        {
            scopes.Add(name, description);
        }

        return scopes;
    }

    private static OpenApiOAuthFlows Flows(DocumentSecuritySchemeModel model)
    {
        var flows = new OpenApiOAuthFlows();
        foreach (var flow in model.Flows)
        {
            var value = new OpenApiOAuthFlow
            {
                AuthorizationUrl = flow.AuthorizationUrl is { } authorization ? new Uri(authorization) : null,
                TokenUrl = flow.TokenUrl is { } token ? new Uri(token) : null,
                RefreshUrl = flow.RefreshUrl is { } refresh ? new Uri(refresh) : null,
                Scopes = Scopes(model),
            };
            switch (flow.Kind)
            {
                case "authorizationCode":
                    flows.AuthorizationCode = value;
                    break;
                case "implicit":
                    flows.Implicit = value;
                    break;
                case "password":
                    flows.Password = value;
                    break;
                default:
                    flows.ClientCredentials = value;
                    break;
            }
        }

        return flows;
    }

    private static OpenApiParameter Parameter(OpenApiParameterModel model, OpenApiDocument document) => new()
    {
        Name = model.Name,
        In = model.In switch
        {
            OpenApiParameterLocation.Path => ParameterLocation.Path,
            OpenApiParameterLocation.Query => ParameterLocation.Query,
            _ => ParameterLocation.Header,
        },
        Required = model.Required,
        Description = model.Description,
        Schema = OpenApiSchemas.Of(model.Schema, document),
    };

    private static Dictionary<string, IOpenApiMediaType> Content(IReadOnlyList<OpenApiMediaTypeModel> content, OpenApiDocument document) =>
        content.ToDictionary(c => c.ContentType, c => (IOpenApiMediaType)new OpenApiMediaType { Schema = c.Schema is { } schema ? OpenApiSchemas.Of(schema, document) : null }, StringComparer.Ordinal);

    private static HttpMethod Method(HttpVerb verb) => verb switch
    {
        HttpVerb.Get => HttpMethod.Get,
        HttpVerb.Post => HttpMethod.Post,
        HttpVerb.Put => HttpMethod.Put,
        HttpVerb.Patch => HttpMethod.Patch,
        _ => HttpMethod.Delete,
    };
}
