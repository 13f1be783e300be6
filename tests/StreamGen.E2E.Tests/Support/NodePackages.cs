using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// `npm ci` in tests/interop when its packages are missing, once, under a file lock (both test projects may ask at the
/// same time). Shared with StreamGen.Tests as a linked file.
/// </summary>
internal static class NodePackages
{
    private static readonly object Gate = new();

    public static void Ensure(string interopDirectory)
    {
        lock (Gate)
        {
            if (Installed(interopDirectory))
            {
                return;
            }

            using var fileLock = Lock(Path.Combine(Path.GetTempPath(), "streamgen-npm-ci.lock"));
            if (Installed(interopDirectory))
            {
                return;
            }

            var start = new ProcessStartInfo("npm") { WorkingDirectory = interopDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("npm is not installed: the interop tests need Node.js and npm.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {interopDirectory}:\n{output.Result}{error.Result}");
            }
        }
    }

    /// <summary>Every package of package.json is there (a clone installed before one was added runs `npm ci` again).</summary>
    private static bool Installed(string directory) =>
        new[] { "buf", "tsc", "esbuild" }.All(tool => File.Exists(Path.Combine(directory, "node_modules", ".bin", tool)))
        && new[] { "ws", "@grpc/grpc-js", "@grpc/proto-loader", "@asyncapi/parser", "@redocly/cli", "playwright-core" }.All(p => Directory.Exists(Path.Combine(directory, "node_modules", p)));

    private static FileStream Lock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
