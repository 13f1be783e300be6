using System.Reflection;
using StreamGen.Model;

namespace StreamGen.Generation;

/// <summary>
/// The sources of src/StreamGen.Runtime, embedded in the tool (<c>runtime/&lt;Area&gt;/&lt;Type&gt;.cs</c>) and copied into
/// gen/Runtime with only the namespace rewritten, the way Microsoft.Extensions.*.Sources packages ship code as source. A
/// design gets the areas it uses: Core and Hosting always, Http with HTTP routes, Grpc with gRPC services. Each file's
/// first line is its file-scoped namespace, and its usings sit inside it, qualified with <c>global::</c>, so that in the
/// design's namespace no design type or namespace can shadow what the runtime imports.
/// </summary>
public static class RuntimeSources
{
    private const string ResourcePrefix = "runtime/";
    private const string NamespaceLine = $"namespace {ModelBuilder.RuntimePackageId};\n";
    private static readonly Lazy<IReadOnlyList<RuntimeSource>> Embedded = new(Load);

    /// <summary>Every runtime file, ordered by path (ordinal).</summary>
    public static IReadOnlyList<RuntimeSource> All => Embedded.Value;

    /// <summary>The files a design's generated code needs; none when it references the runtime package.</summary>
    public static IEnumerable<RuntimeSource> For(ApiModel api) =>
        api.Runtime == RuntimeMode.Package
            ? []
            : All.Where(source => source.Area switch
            {
                RuntimeArea.Http => api.HasHttp,
                RuntimeArea.Grpc => api.HasGrpc,
                RuntimeArea.Cli => false,
                RuntimeArea.Security => api.HasSecurity,
                _ => true,
            });

    /// <summary>
    /// The files a generated CLI adds to what it gets from the service project it references: the Cli area (none when
    /// the service references the runtime package, which holds it).
    /// </summary>
    public static IEnumerable<RuntimeSource> ForCli(ApiModel api) =>
        api.Runtime == RuntimeMode.Package ? [] : All.Where(source => source.Area == RuntimeArea.Cli);

    /// <summary>The file's text in <paramref name="targetNamespace"/>: its first line, the namespace declaration, is the only change.</summary>
    public static string Rewrite(RuntimeSource source, string targetNamespace) =>
        $"namespace {targetNamespace};\n" + source.Text[NamespaceLine.Length..];

    private static IReadOnlyList<RuntimeSource> Load()
    {
        var assembly = typeof(RuntimeSources).Assembly;
        var sources = new List<RuntimeSource>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var area = (RuntimeArea)Enum.Parse(typeof(RuntimeArea), path[..path.IndexOf('/', StringComparison.Ordinal)]);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            if (!text.StartsWith(NamespaceLine, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Runtime source {path} must start with '{NamespaceLine.TrimEnd()}'.");
            }

            sources.Add(new RuntimeSource(path, area, text));
        }

        return [.. sources.OrderBy(s => s.Path, StringComparer.Ordinal)];
    }
}
