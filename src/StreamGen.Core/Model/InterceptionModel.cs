namespace StreamGen.Model;

/// <summary>A service's interception: the server side (around its implementation) and the client side (around any of its clients), either absent when no interceptor runs there.</summary>
public sealed record InterceptionModel(InterceptionSideModel? Server, InterceptionSideModel? Client)
{
    public IEnumerable<InterceptionSideModel> Sides => new[] { Server, Client }.OfType<InterceptionSideModel>();
}
