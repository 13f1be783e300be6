using System.CommandLine;
using System.Text.Json;
using StreamGen.Cli;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Cli;

/// <summary>The command line as scripts and CI see it: exit codes, output formats, and no stack trace ever.</summary>
public sealed class CliTests
{
    private const string Broken = """
        api: { name: demo }
        services:
          demo:
            methods:
              ping:
                pyload: String
        """;

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var (exit, output, _) = Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal(ToolVersion.Value, output.Trim());
    }

    [Fact]
    public void Help_shows_the_commands_examples_and_exit_codes()
    {
        var (exit, output, _) = Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("streamgen gen designs/logger.yaml -o examples/logger", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ok, 1 design errors, 2 usage, 3 I/O", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Contains("schema", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_command_line_is_exit_2()
    {
        Assert.Equal(2, Run("gen").Exit);
        Assert.Equal(2, Run("gen", "designs/logger.yaml", "--bogus").Exit);
        Assert.Equal(2, Run("gen", "design.txt").Exit);
        Assert.Equal(2, Run("validate", Design("logger.yaml"), "--format", "xml").Exit);
    }

    [Fact]
    public void A_missing_file_is_exit_3_with_one_line()
    {
        var (exit, _, error) = Run("validate", "no/such/design.yaml");

        Assert.Equal(3, exit);
        Assert.Equal("streamgen: cannot read 'no/such/design.yaml': no such file.", error.Trim());
    }

    [Fact]
    public void Design_errors_are_exit_1_with_position_code_caret_and_hint()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("broken.yaml");
        File.WriteAllText(path, Broken);

        var (exit, _, error) = Run("validate", path);

        Assert.Equal(1, exit);
        var lines = error.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        Assert.Equal($"{path.Replace('\\', '/')}:6:9: error SG1001: Unknown key 'pyload' in method 'ping'", lines[0]);
        Assert.Equal("  6 |         pyload: String", lines[1]);
        Assert.Equal("    |         ^", lines[2]);
        Assert.Equal("  hint: did you mean 'payload'?", lines[3]);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Msbuild_json_and_sarif_formats_carry_the_same_diagnostic()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("broken.yaml");
        File.WriteAllText(path, Broken);
        var display = path.Replace('\\', '/');

        var msbuild = Run("validate", path, "--format", "msbuild");
        var json = Run("validate", path, "--format", "json");
        var sarif = Run("validate", path, "--format", "sarif");

        Assert.Equal($"{display}(6,9): error SG1001: Unknown key 'pyload' in method 'ping' [did you mean 'payload'?]", msbuild.Error.Trim());
        var diagnostic = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().Single();
        Assert.Equal(("SG1001", 6, 9), (diagnostic.GetProperty("id").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
        var run = JsonDocument.Parse(sarif.Output).RootElement.GetProperty("runs")[0];
        Assert.Equal("SG1001", run.GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Equal(6, run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.All(new[] { msbuild.Exit, json.Exit, sarif.Exit }, exit => Assert.Equal(1, exit));
    }

    [Fact]
    public void Gen_writes_the_project_prints_each_file_and_the_time()
    {
        using var temp = new TempDirectory();

        var (exit, output, error) = Run("gen", Design("counter.json"), "-o", temp.Path);

        Assert.True(exit == 0, error);
        Assert.Contains($"  created  {temp.Path.Replace('\\', '/')}/gen/Types/Tick.g.cs", output, StringComparison.Ordinal);
        Assert.Matches(@"streamgen: \d+ files: \d+ created, 0 updated, 0 unchanged, 0 kept \(yours\), 0 deleted, in \d+ ms", output);
        Assert.True(File.Exists(temp.Combine("Counter.csproj")));
    }

    [Fact]
    public void No_docs_leaves_the_documents_out_and_a_later_run_with_them_adds_them()
    {
        using var temp = new TempDirectory();

        var without = Run("gen", Design("counter.json"), "-o", temp.Path, "--no-docs");
        var noneWritten = !File.Exists(temp.Combine("gen", "openapi.json")) && !File.Exists(temp.Combine("gen", "asyncapi.yaml"));
        var with = Run("gen", Design("counter.json"), "-o", temp.Path);

        Assert.True(without.Exit == 0, without.Error);
        Assert.True(noneWritten);
        Assert.True(with.Exit == 0, with.Error);
        Assert.Contains($"  created  {temp.Path.Replace('\\', '/')}/gen/openapi.json", with.Output, StringComparison.Ordinal);
        Assert.Contains($"  created  {temp.Path.Replace('\\', '/')}/gen/asyncapi.yaml", with.Output, StringComparison.Ordinal);
        Assert.Contains("LogicalName=\"Acme.Counter.openapi.json\"", File.ReadAllText(temp.Combine("gen", "StreamGen.props")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_writes_nothing_and_exits_4_when_the_output_would_change()
    {
        using var temp = new TempDirectory();

        var (exit, output, _) = Run("gen", Design("counter.json"), "-o", temp.Path, "--check");

        Assert.Equal(4, exit);
        Assert.Contains("would create", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_checked_in_logger_example_is_what_the_generator_writes()
    {
        var example = Path.Combine(Repository.Root, "examples", "logger");
        var cli = Path.Combine(Repository.Root, "examples", "logger-cli");
        var (exit, output, error) = Run("gen", Design("logger.yaml"), "-o", example, "--typescript", Path.Combine(example, "viewer", "gen"), "--cli", cli, "--check");

        Assert.True(exit == 0, $"examples/logger or examples/logger-cli has drifted from designs/logger.yaml; run `streamgen gen designs/logger.yaml -o examples/logger --typescript examples/logger/viewer/gen --cli examples/logger-cli`.\n{output}{error}");
    }

    [Fact]
    public void Typescript_writes_the_client_module_and_its_runtime_into_a_folder_of_their_own()
    {
        using var temp = new TempDirectory();

        var (exit, output, error) = Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--typescript", temp.Combine("client"));

        Assert.True(exit == 0, error);
        Assert.Equal([".streamgen", "logger.ts", "streamgen.ts"], Directory.GetFiles(temp.Combine("client")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"  created  {temp.Combine("client").Replace('\\', '/')}/logger.ts", output, StringComparison.Ordinal);
        Assert.StartsWith("// Generated by streamgen", File.ReadAllText(temp.Combine("client", "logger.ts")), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("service", "gen", "LoggerServer.g.cs")));

        // Edited or stale files in the folder are what --check reports, and a new run replaces the folder whole.
        File.AppendAllText(temp.Combine("client", "logger.ts"), "// edited\n");
        File.WriteAllText(temp.Combine("client", "stale.ts"), "");
        var check = Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--typescript", temp.Combine("client"), "--check");
        Assert.Equal(4, check.Exit);
        Assert.Contains("would update", check.Output, StringComparison.Ordinal);
        Assert.Contains("would delete", check.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--typescript", temp.Combine("client")).Exit);
        Assert.False(File.Exists(temp.Combine("client", "stale.ts")));
        Assert.Equal(0, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--typescript", temp.Combine("client"), "--check").Exit);
    }

    [Fact]
    public void Typescript_refuses_the_project_folder_gen_and_a_folder_streamgen_did_not_write()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("mine"));
        File.WriteAllText(temp.Combine("mine", "app.ts"), "export {};\n");

        Assert.Equal(2, Run("gen", Design("logger.yaml"), "-o", temp.Path, "--typescript", temp.Path).Exit);
        Assert.Equal(2, Run("gen", Design("logger.yaml"), "-o", temp.Path, "--typescript", temp.Combine("gen")).Exit);
        var (exit, _, error) = Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--typescript", temp.Combine("mine"));
        Assert.Equal(3, exit);
        Assert.Contains("was not written by streamgen", error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("mine", "app.ts")));
        Assert.False(Directory.Exists(temp.Combine("service")), "nothing is written when the TypeScript folder is refused");
    }

    [Fact]
    public void Cli_writes_a_console_project_next_to_the_service_whose_gen_is_replaced_and_project_file_kept()
    {
        using var temp = new TempDirectory();

        var (exit, output, error) = Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--cli", temp.Combine("cli"));

        Assert.True(exit == 0, error);
        Assert.Equal(["logger-cli.csproj"], Directory.GetFiles(temp.Combine("cli")).Select(Path.GetFileName));
        Assert.Equal([".streamgen", "LoggerCli.g.cs", "LoggerCommands.g.cs", "StreamGen.Cli.props"], Directory.GetFiles(temp.Combine("cli", "gen")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(temp.Combine("cli", "gen", "Runtime", "Cli", "CliCalls.g.cs")));
        Assert.Contains($"  created  {temp.Combine("cli").Replace('\\', '/')}/gen/LoggerCommands.g.cs", output, StringComparison.Ordinal);
        Assert.Contains("Include=\"$(MSBuildThisFileDirectory)../../service/Logger.csproj\"", File.ReadAllText(temp.Combine("cli", "gen", "StreamGen.Cli.props")), StringComparison.Ordinal);

        // The project file is the user's once written; gen/ is the generator's, checked and replaced whole.
        File.AppendAllText(temp.Combine("cli", "logger-cli.csproj"), "<!-- mine -->\n");
        File.WriteAllText(temp.Combine("cli", "gen", "stale.cs"), "");
        Assert.Equal(4, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--cli", temp.Combine("cli"), "--check").Exit);
        Assert.Equal(0, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--cli", temp.Combine("cli")).Exit);
        Assert.False(File.Exists(temp.Combine("cli", "gen", "stale.cs")));
        Assert.EndsWith("<!-- mine -->\n", File.ReadAllText(temp.Combine("cli", "logger-cli.csproj")), StringComparison.Ordinal);
        Assert.Equal(0, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--cli", temp.Combine("cli"), "--check").Exit);

        // --service-project: the project a build generates for (StreamGen.MSBuild passes its own).
        Assert.Equal(0, Run("gen", Design("logger.yaml"), "-o", temp.Combine("service"), "--cli", temp.Combine("cli"), "--service-project", temp.Combine("elsewhere", "Api.csproj")).Exit);
        Assert.Contains("Include=\"$(MSBuildThisFileDirectory)../../elsewhere/Api.csproj\"", File.ReadAllText(temp.Combine("cli", "gen", "StreamGen.Cli.props")), StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_refuses_the_project_folder_and_gen()
    {
        using var temp = new TempDirectory();

        Assert.Equal(2, Run("gen", Design("logger.yaml"), "-o", temp.Path, "--cli", temp.Path).Exit);
        Assert.Equal(2, Run("gen", Design("logger.yaml"), "-o", temp.Path, "--cli", temp.Combine("gen")).Exit);
        var (exit, _, error) = Run("gen", Design("logger.yaml"), "-o", temp.Path, "--cli", temp.Combine("cli"));
        Assert.Equal(2, exit);
        Assert.Contains("inside the project folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("gen")), "nothing is written when the CLI folder is refused");
    }

    [Fact]
    public void Typescript_needs_the_http_transport()
    {
        var (exit, _, error) = Run("gen", Design("counter.json"), "--transports", "grpc", "--typescript", "/tmp/unused", "--check");

        Assert.Equal(2, exit);
        Assert.Contains("--typescript", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_package_references_the_runtime_package_instead_of_writing_gen_runtime()
    {
        using var temp = new TempDirectory();

        var (exit, _, error) = Run("gen", Design("counter.json"), "-o", temp.Path, "--runtime", "package");

        Assert.True(exit == 0, error);
        Assert.False(Directory.Exists(temp.Combine("gen", "Runtime")));
        Assert.Contains($"<PackageReference Include=\"StreamGen.Runtime\" Version=\"[{ToolVersion.Value}]\" />", File.ReadAllText(temp.Combine("gen", "StreamGen.props")), StringComparison.Ordinal);
        Assert.Contains("using Runtime = StreamGen.Runtime;", File.ReadAllText(temp.Combine("gen", "CounterServer.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_source_on_the_command_line_overrides_the_design()
    {
        using var temp = new TempDirectory();

        var (exit, _, error) = Run("gen", Design("chat.yaml"), "-o", temp.Path, "--runtime", "source");

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(temp.Combine("gen", "Runtime", "Core", "ServiceError.g.cs")));
        Assert.DoesNotContain("StreamGen.Runtime", File.ReadAllText(temp.Combine("gen", "StreamGen.props")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_runtime_is_a_usage_error() =>
        Assert.Equal(2, Run("gen", Design("counter.json"), "--runtime", "nuget", "--check").Exit);

    [Fact]
    public void A_missing_templates_folder_is_a_usage_error()
    {
        Assert.Equal(2, Run("gen", Design("counter.json"), "--templates", "/no/such/folder", "--check").Exit);
    }

    [Fact]
    public void A_broken_template_override_is_exit_1_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var templates = temp.Combine("templates", "csharp", "service");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "errors.cs.sbn"), "{{ for }}");

        var (exit, _, error) = Run("gen", Design("counter.json"), "-o", temp.Combine("out"), "--templates", temp.Combine("templates"));

        Assert.Equal(1, exit);
        Assert.Contains("error SG9001", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out", "gen")));
    }

    [Fact]
    public void Gen_checks_the_namespace_and_transports_before_writing_anything()
    {
        using var temp = new TempDirectory();

        var namespaceError = Run("gen", Design("counter.json"), "-o", temp.Path, "--namespace", "1st.Counter");
        var transportError = Run("gen", Design("counter.json"), "-o", temp.Path, "--transports", "http,grcp");
        var emptyError = Run("gen", Design("counter.json"), "-o", temp.Path, "--transports", " ; ");

        Assert.Equal((2, "streamgen: --namespace '1st.Counter' is not a C# namespace: use dot-separated identifiers such as Acme.Logger."), (namespaceError.Exit, namespaceError.Error.Trim()));
        Assert.Equal((2, "streamgen: --transports: 'grcp' is not one of http, grpc (did you mean 'grpc'?)."), (transportError.Exit, transportError.Error.Trim()));
        Assert.Equal((2, "streamgen: --transports is empty: give one or more of http, grpc."), (emptyError.Exit, emptyError.Error.Trim()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Gen_refuses_a_transport_the_design_does_not_map()
    {
        using var temp = new TempDirectory();
        var design = temp.Combine("http-only.yaml");
        File.WriteAllText(design, "api: { name: demo }\nservices:\n  demo:\n    methods:\n      ping:\n        result: String\n        http: { GET: /ping }\n");

        var both = Run("gen", design, "-o", temp.Combine("out"), "--transports", "http;grpc");
        var http = Run("gen", design, "-o", temp.Combine("out"), "--transports", "HTTP");

        Assert.Equal((2, $"streamgen: --transports grpc: no method of {design.Replace('\\', '/')} is served over gRPC."), (both.Exit, both.Error.Trim()));
        Assert.True(http.Exit == 0, http.Error);
    }

    [Fact]
    public void Under_the_msbuild_format_a_failure_that_is_not_a_diagnostic_is_still_an_msbuild_error()
    {
        var usage = Run("gen", Design("counter.json"), "--transports", "ws", "--format", "msbuild", "--check");
        var parse = Run("gen", Design("counter.json"), "--format", "msbuild", "--bogus");
        var missing = Run("validate", "no/such/design.yaml", "--format=msbuild");

        Assert.Equal((2, "streamgen : error : --transports: 'ws' is not one of http, grpc."), (usage.Exit, usage.Error.Trim()));
        Assert.Equal(2, parse.Exit);
        Assert.StartsWith("streamgen : error : ", parse.Error, StringComparison.Ordinal);
        Assert.Equal((3, "streamgen : error : cannot read 'no/such/design.yaml': no such file."), (missing.Exit, missing.Error.Trim()));
    }

    [Fact]
    public void Gen_for_a_build_writes_gen_apart_and_creates_only_the_user_files_the_project_lacks()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("project");
        var gen = temp.Combine("project", "obj", "streamgen", "logger", "gen");
        Directory.CreateDirectory(project);
        var entry = Path.Combine(project, "Main.cs");
        File.WriteAllText(entry, "System.Console.WriteLine(\"mine\");\n");
        var sources = temp.Combine("sources.txt");
        File.WriteAllLines(sources, [entry, ""]);

        var (exit, output, error) = Run(
            "gen", Design("logger.yaml"), "-o", project, "--gen-dir", gen, "--scaffold", "service;program", "--project-sources", sources, "--namespace", "Built.Logger");

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(gen, "Logger", "ILoggerService.g.cs")));
        Assert.Contains("namespace Built.Logger;", File.ReadAllText(Path.Combine(project, "LoggerService.cs")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project, "Program.cs")));
        Assert.False(File.Exists(Path.Combine(project, "Logger.csproj")));
        Assert.False(Directory.Exists(Path.Combine(project, "gen")));
        Assert.Contains($"  skipped  {project.Replace('\\', '/')}/Program.cs (the entry point is in {entry.Replace('\\', '/')})", output, StringComparison.Ordinal);
        Assert.Contains($"  created  {gen.Replace('\\', '/')}/Logger/ILoggerService.g.cs", output, StringComparison.Ordinal);
        Assert.Equal(2, Run("gen", Design("logger.yaml"), "-o", project, "--scaffold", "project,stubs").Exit);
    }

    [Fact]
    public void The_readme_synopsis_names_every_option_of_every_command()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("streamgen gen DESIGN", StringComparison.Ordinal);
        var synopsis = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        foreach (var command in Program.BuildRootCommand().Subcommands)
        {
            Assert.Contains($"streamgen {command.Name} ", synopsis, StringComparison.Ordinal);
            foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
            {
                Assert.Contains(option.Name, synopsis, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Schema_prints_the_json_schema()
    {
        var (exit, output, _) = Run("schema");

        Assert.Equal(0, exit);
        Assert.Equal(StreamGen.Design.DesignSchema.ToJson(), output);
    }

    private static string Design(string name) => Path.Combine(Repository.Designs, name);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
