using System.Diagnostics;

namespace StreamGen.Tests.Support;

/// <summary>protoc and the gRPC C# plugin from the Grpc.Tools package, as the generated project's build uses them.</summary>
internal static class Protoc
{
    private static readonly string Tools = Repository.Metadata("GrpcToolsDirectory");

    public static string Executable => Path.Combine(Tools, "tools", "linux_x64", "protoc");

    public static string Include => Path.Combine(Tools, "build", "native", "include");

    /// <summary>Compiles <paramref name="protoRelativePath"/> under <paramref name="root"/> to C# (messages and gRPC stubs); returns the C# files or throws with protoc's output.</summary>
    public static IReadOnlyList<string> CompileToCSharp(string root, string protoRelativePath, string outputDirectory) =>
        CompileToCSharp(root, [protoRelativePath], outputDirectory);

    /// <summary>Compiles several .proto files under <paramref name="root"/> in one protoc run (their C# file names must differ).</summary>
    public static IReadOnlyList<string> CompileToCSharp(string root, IReadOnlyList<string> protoRelativePaths, string outputDirectory)
    {
        var plugin = Path.Combine(Tools, "tools", "linux_x64", "grpc_csharp_plugin");
        MakeExecutable(Executable);
        MakeExecutable(plugin);
        Directory.CreateDirectory(outputDirectory);
        var (exit, output) = Run(Executable, [
            $"--proto_path={root}", $"--proto_path={Include}", $"--csharp_out={outputDirectory}", $"--grpc_out={outputDirectory}",
            $"--plugin=protoc-gen-grpc={plugin}", .. protoRelativePaths]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"protoc failed ({exit}): {output}");
        }

        return Directory.GetFiles(outputDirectory, "*.cs");
    }

    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
