using Microsoft.AspNetCore.Http.Features;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>Kestrel's upgrade as a test sees it: the upgraded connection is one end of an in-memory pipe.</summary>
internal sealed class UpgradeFeature(Stream connection) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => true;

    public bool Upgraded { get; private set; }

    public Task<Stream> UpgradeAsync()
    {
        Upgraded = true;
        return Task.FromResult(connection);
    }
}
