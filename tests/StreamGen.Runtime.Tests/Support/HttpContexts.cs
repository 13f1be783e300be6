using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A request whose response body the test reads back.</summary>
internal static class HttpContexts
{
    public static (DefaultHttpContext Context, MemoryStream Body) WithResponseBody()
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = body;
        return (context, body);
    }
}
