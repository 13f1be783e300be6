using Microsoft.Extensions.Hosting;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>An application lifetime the test can stop, to see what streams do when the server shuts down.</summary>
internal sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
