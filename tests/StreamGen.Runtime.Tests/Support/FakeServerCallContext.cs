using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A gRPC call's server context: records the response headers written, and carries a deadline and a token.</summary>
internal sealed class FakeServerCallContext(CancellationToken cancellationToken = default, DateTime? deadline = null) : ServerCallContext
{
    private readonly List<Metadata> _responseHeaders = [];

    public IReadOnlyList<Metadata> ResponseHeaders => _responseHeaders;

    protected override string MethodCore => "/test.Test/Stream";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:5000";

    protected override DateTime DeadlineCore => deadline ?? DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        _responseHeaders.Add(responseHeaders);
        return Task.CompletedTask;
    }
}
