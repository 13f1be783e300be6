using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>
/// The generated text of every design in designs/ against the copy in Golden/&lt;design&gt;/: first the set of files, then
/// each file. STREAMGEN_UPDATE_GOLDEN=1 rewrites the copies (and deletes stale ones); read the diff before committing.
/// gen/Runtime is left out: it is the runtime library's sources, which <see cref="RuntimeSourcesTests"/> checks once.
/// </summary>
public sealed class GoldenTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("STREAMGEN_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> DesignFiles => new(Repository.DesignFiles.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public void Generated_files_match_the_golden_copy(string design)
    {
        var generated = Designs.GenerateFile(Path.Combine(Repository.Designs, design));
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));
        generated = generated with { Files = [.. generated.Files.Where(f => !f.RelativePath.StartsWith(RuntimeSourcesTests.Folder, StringComparison.Ordinal))] };
        var directory = Path.Combine(Repository.Golden, Path.GetFileNameWithoutExtension(design));

        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            foreach (var file in generated.Files)
            {
                var path = Path.Combine(directory, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }

            return;
        }

        var expected = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.Equal(expected, generated.Files.Select(f => f.RelativePath).ToList());
        foreach (var file in generated.Files)
        {
            var golden = File.ReadAllText(Path.Combine(directory, file.RelativePath));
            Assert.True(golden == file.Content, $"{design}: {file.RelativePath} differs from its golden copy; run with STREAMGEN_UPDATE_GOLDEN=1 and read the diff.\n{FirstDifference(golden, file.Content)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "<end>";
            var b = i < right.Length ? right[i] : "<end>";
            if (a != b)
            {
                return $"line {i + 1}:\n  golden:    {a}\n  generated: {b}";
            }
        }

        return "";
    }
}
