using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A client call's request stream: what was written, whether it was completed, and a failure to raise.</summary>
internal sealed class FakeClientStreamWriter<T> : IClientStreamWriter<T>
{
    public List<T> Written { get; } = [];

    public int Completions { get; private set; }

    public Exception? FailWith { get; set; }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, default);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }

        Written.Add(message);
        return Task.CompletedTask;
    }

    public Task CompleteAsync()
    {
        Completions++;
        return Task.CompletedTask;
    }
}
