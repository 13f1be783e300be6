namespace StreamGen.Runtime;

using global::System;
using global::System.Reflection;
using global::Microsoft.AspNetCore.Builder;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Routing;

/// <summary>
/// Serves the API documents <c>gen/StreamGen.props</c> embeds in the server's assembly (<c>openapi.json</c>,
/// <c>asyncapi.yaml</c>) on a GET route of their own.
/// </summary>
public static class ApiDocuments
{
    /// <summary>
    /// Maps GET <paramref name="route"/> to the manifest resource <paramref name="resourceName"/> of
    /// <paramref name="assembly"/>, sent as <paramref name="contentType"/>; 404 in a build that left the document out.
    /// </summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, Assembly assembly, string route, string resourceName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(assembly);
        return endpoints.MapGet(route, context =>
            (assembly.GetManifestResourceStream(resourceName) is { } document
                ? Results.Stream(document, contentType)
                : Results.NotFound()).ExecuteAsync(context));
    }
}
