namespace StreamGen.Benchmarks;

/// <summary>
/// One program the gen-process scenario times: a streamgen build (<c>dotnet streamgen.dll gen DESIGN -o OUT</c>, or the
/// native executable) with its environment and extra options, or protoc on a .proto.
/// </summary>
internal sealed record GeneratorProcessCommand(string Name, string Program, Func<string, string, IReadOnlyList<string>> Build)
{
    public IReadOnlyList<(string Name, string Value)> Variables { get; init; } = [];

    public IReadOnlyList<string> Extra { get; init; } = [];

    /// <summary>The folder its output folders go under, when not the scenario's work folder (one on tmpfs, say).</summary>
    public string? OutputRoot { get; init; }

    /// <summary>What to start: dotnet for an assembly, else the program itself.</summary>
    public string FileName => Program.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : Program;

    public IReadOnlyDictionary<string, string> Environment => Variables.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>The arguments for generating <paramref name="design"/> into <paramref name="output"/>.</summary>
    public IReadOnlyList<string> Arguments(string design, string output) => [.. Build(design, output), .. Extra];

    public static GeneratorProcessCommand Streamgen(string name, string program, params (string Name, string Value)[] variables) =>
        new(name, program, (design, output) => program.EndsWith(".dll", StringComparison.Ordinal)
            ? [program, "gen", design, "-o", output]
            : ["gen", design, "-o", output])
        {
            Variables = variables,
        };

    /// <summary>protoc with the C# and gRPC generators, the .proto named relative to its root as Grpc.Tools does.</summary>
    public static GeneratorProcessCommand Protoc((string Protoc, string Plugin, string Include) tools, string protoRoot, string proto) =>
        new("protoc --csharp_out --grpc_out", tools.Protoc, (_, output) =>
        [
            $"--proto_path={protoRoot}", $"--proto_path={tools.Include}", $"--plugin=protoc-gen-grpc={tools.Plugin}",
            $"--csharp_out={output}", $"--grpc_out={output}", Path.GetRelativePath(protoRoot, proto),
        ]);
}
