using System.Net;
using Microsoft.AspNetCore.Http;

namespace StreamGen.Runtime.Tests.Http;

/// <summary>The origin policy for stream upgrades and the per-address stream counter.</summary>
public sealed class ClientLimitsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("http://server.example:8080", true)]
    [InlineData("http://localhost:5173", true)]
    [InlineData("http://127.0.0.1:9000", true)]
    [InlineData("http://[::1]:9000", true)]
    [InlineData("https://viewer.example", true)]
    [InlineData("https://viewer.example.evil", false)]
    [InlineData("http://server.example:9999", false)]
    [InlineData("null", false)]
    public void The_own_origin_loopback_and_the_allowlist_may_open_streams(string? origin, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("server.example:8080");
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        Assert.Equal(allowed, OriginPolicy.Allows(context, ["https://viewer.example/"]));
        Assert.True(OriginPolicy.Allows(context, ["*"]));
    }

    [Fact]
    public void Leases_count_per_address_and_a_released_one_frees_its_place()
    {
        var counter = new ClientStreamCounter();
        var one = IPAddress.Parse("10.0.0.1");

        var first = counter.TryAcquire(one, 2);
        var second = counter.TryAcquire(one, 2);
        var refused = counter.TryAcquire(one, 2);
        var other = counter.TryAcquire(IPAddress.Parse("10.0.0.2"), 2);
        first!.Dispose();
        first.Dispose();
        var again = counter.TryAcquire(one, 2);

        Assert.NotNull(second);
        Assert.Null(refused);
        Assert.NotNull(other);
        Assert.NotNull(again);
        Assert.Equal(3, counter.Open);
        Assert.NotNull(counter.TryAcquire(one, 0));
    }
}
