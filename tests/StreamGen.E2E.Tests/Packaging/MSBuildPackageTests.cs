using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StreamGen.E2E.Tests.Support;
using Xunit.Abstractions;

namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// StreamGen.MSBuild as a project uses it: a PackageReference and a StreamGenDesign item, built with real `dotnet build`
/// processes against the packed package. Each build costs tens of seconds here, so each test walks through several
/// steps of one project's life rather than starting over.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class MSBuildPackageTests(PackagesFixture packages, ITestOutputHelper log)
{
    private const string Design = """
        api: { name: ticker, namespace: Acme.Ticker }
        types:
          Tick:
            attributes:
              value: { type: Int64, field: 1 }
            required: [value]
        services:
          ticker:
            methods:
              bump:
                payload: { attributes: { by: { type: Int32, field: 1, default: 1 } } }
                result: Tick
                http: { POST: /ticks, params: [by] }
                grpc: {}
              watch:
                streamingResult: Tick
                http: { GET: /ticks/stream }
                grpc: {}
        """;

    [Fact]
    public async Task A_design_item_generates_before_compiling_only_when_it_changed_and_fails_the_build_at_the_designs_line()
    {
        var work = packages.NewWorkspace("lifecycle");
        var environment = packages.Environment(work);
        var project = Path.Combine(work, "Ticker");
        Directory.CreateDirectory(project);
        var design = Path.Combine(project, "ticker.yaml");
        File.WriteAllText(design, Design);
        File.WriteAllText(Path.Combine(project, "Ticker.csproj"), WebProject(
            """
            <PackageReference Include="Grpc.AspNetCore" Version="2.85.0" />
            <StreamGenDesign Include="ticker.yaml" />
            """));
        var gen = Path.Combine(project, "obj", "Debug", "net10.0", "streamgen", "ticker", "gen");
        var serviceInterface = Path.Combine(gen, "Ticker", "ITickerService.g.cs");

        // 1. The first build generates into obj/, creates the user files once, compiles the .proto and the service.
        var first = await BuildAsync(project, environment, "first");
        Assert.True(first.Succeeded, first.Output);
        Assert.Contains($"streamgen: generating from {design}", first.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(serviceInterface));
        Assert.Contains("namespace Acme.Ticker;", File.ReadAllText(Path.Combine(project, "TickerService.cs")), StringComparison.Ordinal);
        Assert.Contains("TickerServer.RunAsync", File.ReadAllText(Path.Combine(project, "Program.cs")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project, "obj", "Debug", "net10.0", "ticker", "TickerGrpc.cs")), "Grpc.Tools compiled the generated .proto");
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "Ticker.dll")));
        Assert.False(Directory.Exists(Path.Combine(project, "gen")));

        // dotnet watch rebuilds (and so regenerates) when a Watch item changes: the design is one.
        var watch = await DotnetCli.RunAsync(project, environment, "msbuild", "-getItem:Watch", "-nologo");
        Assert.Contains(design, JsonDocument.Parse(watch.Output).RootElement.GetProperty("Items").GetProperty("Watch").EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()));

        // 2. Nothing changed: the generator does not run; what the build-time path costs is the StreamGen targets' time.
        var stamp = File.GetLastWriteTimeUtc(serviceInterface);
        var second = await BuildAsync(project, environment, "second");
        Assert.True(second.Succeeded, second.Output);
        Assert.Contains("Skipping target \"StreamGenGenerate\" because all output files are up-to-date with respect to the input files.", second.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("streamgen: generating", second.Log, StringComparison.Ordinal);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(serviceInterface));
        var noOp = TargetTimes(second.Log).Where(t => t.Key.StartsWith("StreamGen", StringComparison.Ordinal)).ToList();
        Assert.Equal(["StreamGenGenerate", "StreamGenInclude", "StreamGenIncludeResources", "StreamGenPrepare"], noOp.Select(t => t.Key).Order(StringComparer.Ordinal));
        log.WriteLine($"no-op build: StreamGen targets {noOp.Sum(t => t.Value)} ms ({string.Join(", ", noOp.Select(t => $"{t.Key} {t.Value} ms"))})");

        // The project references the packages the generated code needs (restore precedes generation); without them the
        // build names the one to add rather than failing on the generated code.
        var projectFile = Path.Combine(project, "Ticker.csproj");
        var withGrpc = File.ReadAllText(projectFile);
        File.WriteAllText(projectFile, withGrpc.Replace("<PackageReference Include=\"Grpc.AspNetCore\" Version=\"2.85.0\" />", "", StringComparison.Ordinal));
        var unreferenced = await DotnetCli.RunAsync(project, environment, "build", "-nologo", "-nodeReuse:false");
        Assert.NotEqual(0, unreferenced.ExitCode);
        Assert.Contains("error SG8005: The code generated from ticker.yaml needs the package Grpc.AspNetCore: add <PackageReference Include=\"Grpc.AspNetCore\" Version=\"2.85.0\" />", unreferenced.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", unreferenced.Output, StringComparison.Ordinal);
        File.WriteAllText(projectFile, withGrpc);

        // 3. A design error fails the build at the design's line and column, as MSBuild and IDEs list errors.
        var stub = Path.Combine(project, "TickerService.cs");
        File.AppendAllText(stub, "// mine now\n");
        File.WriteAllText(design, Design.Replace("        result: Tick", "        reslt: Tick", StringComparison.Ordinal));
        var broken = await BuildAsync(project, environment, "broken");
        Assert.False(broken.Succeeded);
        Assert.Contains($"streamgen: generating from {design}", broken.Log, StringComparison.Ordinal);
        Assert.Contains($"{design}(12,9): error SG1001: Unknown key 'reslt' in method 'bump' [did you mean 'result'?]", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"{design} : error SG8003:", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB3073", broken.Output, StringComparison.Ordinal);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(serviceInterface));

        // 4. After dotnet clean (which takes gen/ and the stamps), the fixed and changed design generates again; the
        //    user's files are kept as they are.
        Assert.Equal(0, (await DotnetCli.RunAsync(project, environment, "clean", "-nologo", "-nodeReuse:false")).ExitCode);
        Assert.False(Directory.Exists(gen) && Directory.EnumerateFiles(gen, "*", SearchOption.AllDirectories).Any());
        File.WriteAllText(design, Design.Replace("      bump:\n", "      bump:\n        description: Adds to the ticker\n", StringComparison.Ordinal));
        var fixedBuild = await BuildAsync(project, environment, "fixed");
        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        Assert.Contains("streamgen: generating from", fixedBuild.Log, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Adds to the ticker</summary>", File.ReadAllText(serviceInterface), StringComparison.Ordinal);
        Assert.EndsWith("// mine now\n", File.ReadAllText(stub), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_projects_of_a_solution_generate_from_their_own_designs_with_their_metadata_and_the_logger_runs()
    {
        var work = packages.NewWorkspace("solution");
        var environment = packages.Environment(work);
        var repository = Node.RepositoryRoot;
        var logger = Path.Combine(work, "Logger");
        var counter = Path.Combine(work, "Counter");
        Directory.CreateDirectory(logger);
        Directory.CreateDirectory(counter);

        // The README's logger: designs/logger.yaml and the example's own code, generated at build time.
        var userCode = string.Join(';', Directory.GetFiles(Path.Combine(repository, "examples", "logger"), "*.cs").Order(StringComparer.Ordinal));
        File.WriteAllText(Path.Combine(logger, "Logger.csproj"), WebProject(
            $"""
            <PackageReference Include="Grpc.AspNetCore" Version="2.85.0" />
            <PackageReference Include="StreamGen.Runtime.Redis" Version="{packages.Version}" />
            <StreamGenDesign Include="{Path.Combine(repository, "designs", "logger.yaml")}" Cli="../LoggerCli" />
            <Compile Include="{userCode}" />
            """));

        // Another design with every metadata: no gRPC (so no Grpc.AspNetCore), its own namespace, gen/ beside the project,
        // no documents, the TypeScript client in a folder of the project.
        File.Copy(Path.Combine(repository, "designs", "counter.json"), Path.Combine(counter, "counter.json"));
        File.WriteAllText(Path.Combine(counter, "Counter.csproj"), WebProject(
            """<StreamGenDesign Include="counter.json" Namespace="Other.Counting" Transports="http" Documents="false" OutputDir="Generated" TypeScript="client" />"""));

        Assert.Equal(0, (await DotnetCli.RunAsync(work, environment, "new", "sln", "-n", "Both")).ExitCode);
        var solution = Directory.GetFiles(work, "Both.sln*").Single();
        Assert.Equal(0, (await DotnetCli.RunAsync(work, environment, "sln", solution, "add", Path.Combine(logger, "Logger.csproj"), Path.Combine(counter, "Counter.csproj"))).ExitCode);

        var build = await DotnetCli.RunAsync(work, environment, "build", solution, "-nologo", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Output);

        var loggerGen = Path.Combine(logger, "obj", "Debug", "net10.0", "streamgen", "logger", "gen");
        Assert.True(File.Exists(Path.Combine(loggerGen, "Logger", "Grpc", "LoggerGrpcService.g.cs")));
        Assert.Empty(Directory.GetFiles(logger, "*.cs"));

        var counterGen = Path.Combine(counter, "Generated", "gen");
        Assert.Contains("namespace Other.Counting;", File.ReadAllText(Path.Combine(counterGen, "Types", "Tick.g.cs")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(counterGen, "Counter", "Http", "CounterHttpEndpoints.g.cs")));
        Assert.False(Directory.Exists(Path.Combine(counterGen, "Counter", "Grpc")));
        Assert.Empty(Directory.GetFiles(counterGen, "*.proto", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(counterGen, "openapi.json")));
        Assert.False(Directory.Exists(Path.Combine(counter, "obj", "Debug", "net10.0", "streamgen", "counter")));
        Assert.Contains("using Other.Counting;", File.ReadAllText(Path.Combine(counter, "Program.cs")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(counter, "bin", "Debug", "net10.0", "Counter.dll")));
        Assert.Equal([".streamgen", "counter.ts", "streamgen.ts"], Directory.GetFiles(Path.Combine(counter, "client")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("export class CounterClient {", File.ReadAllText(Path.Combine(counter, "client", "counter.ts")), StringComparison.Ordinal);

        // The logger built this way serves: what an upload stores, the recent query returns.
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var service = ExampleProcess.Start(Path.Combine(logger, "bin", "Debug", "net10.0", "Logger.dll"), [$"--Http:Port={http}", $"--Grpc:Port={grpc}", "--Logger:ApiKeys:0=built-key"]);
        await service.WaitForOutputAsync($"listening on http://localhost:{grpc}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}/") };
        var upload = await client.PostAsync("logs/built/archive?api_key=built-key", new StringContent("{\"message\":\"from the build\"}\n"));
        var recent = JsonDocument.Parse(await client.GetStringAsync("logs/built?limit=5")).RootElement;

        Assert.Equal(1, JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(["from the build"], recent.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("message").GetString()));

        // The build embedded the documents it generated, and the host serves them (the AsyncAPI header names the packed version).
        Assert.Equal(File.ReadAllText(Path.Combine(repository, "examples", "logger", "gen", "openapi.json")), await client.GetStringAsync("openapi.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(loggerGen, "asyncapi.yaml")), await client.GetStringAsync("asyncapi.yaml"));

        // Cli metadata: the command-line client's project beside the service, referencing the project that generated it; it builds and calls the service.
        var cli = Path.Combine(work, "LoggerCli");
        Assert.Contains("Include=\"$(MSBuildThisFileDirectory)../../Logger/Logger.csproj\"", File.ReadAllText(Path.Combine(cli, "gen", "StreamGen.Cli.props")), StringComparison.Ordinal);
        var cliBuild = await DotnetCli.RunAsync(cli, environment, "build", "-nologo", "-nodeReuse:false");
        Assert.True(cliBuild.ExitCode == 0, cliBuild.Output);
        var recentByCli = await DotnetCli.RunAsync(cli, environment, "bin/Debug/net10.0/logger-cli.dll", "logger", "recent", "--topic", "built", "--url", $"http://127.0.0.1:{http}");
        Assert.True(recentByCli.ExitCode == 0, recentByCli.Output);
        Assert.Contains("\"message\":\"from the build\"", recentByCli.Output, StringComparison.Ordinal);
    }

    private string WebProject(string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="StreamGen.MSBuild" Version="{packages.Version}" />
            {items}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A build with a detailed log (and MSBuild's per-target times) beside the project.</summary>
    private static async Task<BuildResult> BuildAsync(string project, IReadOnlyDictionary<string, string> environment, string name)
    {
        var logFile = Path.Combine(project, "..", $"{name}.log");
        var result = await DotnetCli.RunAsync(project, environment, "build", "-nologo", "-nodeReuse:false", $"-flp:verbosity=detailed;logfile={logFile};PerformanceSummary");
        return new BuildResult(result.ExitCode == 0, result.Output, File.ReadAllText(logFile), result.Elapsed);
    }

    /// <summary>The "Target Performance Summary" of a log: milliseconds per target.</summary>
    private static Dictionary<string, int> TargetTimes(string buildLog)
    {
        var summary = buildLog[buildLog.LastIndexOf("Target Performance Summary:", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("Task Performance Summary:", StringComparison.Ordinal)];
        return TimeLine().Matches(summary).ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*(\d+) ms\s+(\S+)\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex TimeLine();

    private sealed record BuildResult(bool Succeeded, string Output, string Log, TimeSpan Elapsed);
}
