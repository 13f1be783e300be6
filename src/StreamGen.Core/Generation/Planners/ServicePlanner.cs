using StreamGen.Model;

namespace StreamGen.Generation.Planners;

/// <summary>Per service: the transport-agnostic service and client interfaces with their stream interfaces, and the errors.</summary>
internal static class ServicePlanner
{
    public static IEnumerable<OutputFile> Plan(ApiModel api)
    {
        foreach (var service in api.Services)
        {
            yield return FilePlanner.CSharp($"{service.Folder}/{service.InterfaceName}.g.cs", "service-interface", "csharp/service/service_interface.cs.sbn", service);
            yield return FilePlanner.CSharp($"{service.Folder}/{service.ClientInterfaceName}.g.cs", "client-interface", "csharp/service/client_interface.cs.sbn", service);
            yield return FilePlanner.CSharp($"{service.Folder}/{service.ErrorsClassName}.g.cs", "errors", "csharp/service/errors.cs.sbn", service);
            foreach (var side in service.Interception?.Sides ?? [])
            {
                yield return FilePlanner.CSharp($"{service.Folder}/{side.InterfaceName}.g.cs", "interceptors", "csharp/interceptors/side.cs.sbn", side);
            }
        }

        if (api.HasInterceptors)
        {
            yield return FilePlanner.CSharp($"{api.TypeStem}Interceptors.g.cs", "interceptor-views", "csharp/interceptors/interceptors.cs.sbn", api);
        }
    }
}
