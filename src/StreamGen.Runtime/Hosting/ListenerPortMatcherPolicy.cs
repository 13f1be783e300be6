namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Routing;
using global::Microsoft.AspNetCore.Routing.Matching;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.DependencyInjection.Extensions;

/// <summary>
/// A routing matcher policy (like ASP.NET Core's <c>HostMatcherPolicy</c>, which reads the <c>Host</c> header instead):
/// an endpoint with <see cref="ListenerPortMetadata"/> is a candidate only for a connection whose local port
/// (<see cref="ConnectionInfo.LocalPort"/>) is that port, so a request that reaches the other listener gets 404 whatever
/// <c>Host</c> it carries.
/// </summary>
public sealed class ListenerPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>Registers the policy (once, however often it is called).</summary>
    public static void Add(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerPortMatcherPolicy>());

    /// <summary>Runs with the other policies that narrow candidates by the request's connection (HostMatcherPolicy's order).</summary>
    public override int Order => -100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ListenerPortMetadata>() is not null)
            {
                return true;
            }
        }

        return false;
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var port = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<ListenerPortMetadata>() is { } listener && listener.Port != port)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
