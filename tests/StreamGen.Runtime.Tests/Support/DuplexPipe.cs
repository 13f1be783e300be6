using System.IO.Pipelines;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>An in-memory connection: two streams, each reading what the other writes. Writers never block.</summary>
internal static class DuplexPipe
{
    public static (PipeStream Left, PipeStream Right) Create()
    {
        var options = new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0);
        var leftToRight = new Pipe(options);
        var rightToLeft = new Pipe(options);
        return (new PipeStream(rightToLeft.Reader, leftToRight.Writer), new PipeStream(leftToRight.Reader, rightToLeft.Writer));
    }
}
