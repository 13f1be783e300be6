namespace StreamGen.Runtime;

using global::System;
using global::System.Linq;
using global::System.Net.Http;
using global::System.Text;
using global::System.Text.Json;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// Errors over HTTP, both ways. The server writes Goa's JSON error body with the status the design maps the error
/// name to (400 for validation, 500 for anything unexpected, whose details stay in the server log) and names the error
/// in the <c>goa-error</c> header, as Goa does; the client turns such a response back into a <see cref="ServiceError"/>.
/// </summary>
public static partial class HttpErrors
{
    /// <summary>
    /// Answers a request with the error a handler raised: Goa's JSON error body with the status <paramref name="errorStatus"/>
    /// gives the design's error name (0: the default, 400 for validation, 500 otherwise). Nothing is written for a request
    /// the client aborted, and a response already started is aborted instead.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, Exception exception, Func<string, int> errorStatus)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errorStatus);
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LogCategories.Http);
        ServiceError error;
        int status;
        switch (exception)
        {
            case ValidationException validation:
                error = validation;
                status = errorStatus(validation.Name) is > 0 and var mapped ? mapped : StatusCodes.Status400BadRequest;
                break;
            case ServiceError { Fault: false } designError:
                error = designError;
                status = errorStatus(designError.Name) is > 0 and var known ? known : StatusCodes.Status500InternalServerError;
                if (status >= 500 && logger is not null)
                {
                    LogServiceError(logger, context.Request.Path, designError.Name, designError.Message);
                }

                break;
            default:
                var fault = exception as ServiceError ?? ServiceError.Internal(exception);
                error = new ServiceError("fault", $"internal error (id {fault.Id})", fault: true) { Id = fault.Id };
                status = StatusCodes.Status500InternalServerError;
                if (logger is not null)
                {
                    LogFault(logger, exception, context.Request.Path, fault.Id);
                }

                break;
        }

        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers["goa-error"] = error.Name;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, error.ToResult(), ErrorResultJsonContext.Default.ErrorResult, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The error a non-success response carries: Goa's JSON body when there is one, the status otherwise.</summary>
    public static async Task<ServiceError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (body.Length > 0 && JsonSerializer.Deserialize(body, ErrorResultJsonContext.Default.ErrorResult) is { Name: not null } result)
            {
                var error = ServiceError.FromResult(result);
                return new HttpServiceError(status, error.Name, error.Message, error.Temporary, error.Timeout, error.Fault) { Id = error.Id };
            }
        }
        catch (JsonException)
        {
            // Not Goa's error body: fall back to the status line below.
        }

        var name = response.Headers.TryGetValues("goa-error", out var names) ? Enumerable.First(names) : "http_error";
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512));
        return new HttpServiceError(status, name, $"HTTP {status} {response.ReasonPhrase}{(text.Length > 0 ? ": " + text : "")}");
    }

    [LoggerMessage(10, LogLevel.Warning, "{Path} returned error {Name}: {Message}")]
    private static partial void LogServiceError(ILogger logger, PathString path, string name, string message);

    [LoggerMessage(11, LogLevel.Error, "{Path} failed (error id {Id})")]
    private static partial void LogFault(ILogger logger, Exception exception, PathString path, string id);
}
