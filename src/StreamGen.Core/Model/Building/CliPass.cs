using StreamGen.Design.Types;
using StreamGen.Model.Cli;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// The command-line client (<c>gen --cli</c>), over the finished services: every command and option name in scopes of
/// the one registry (the global options first, then payload attributes, then the options the CLI adds for raw bodies),
/// the C# names of its classes and locals, each option's creation and each method's call. This is the one place that
/// picks the runtime call per stream kind (<c>Runtime::CliCalls</c>), as <see cref="StreamClasses"/> does for streams.
/// </summary>
internal sealed class CliPass(ModelContext context, ModelNames names)
{
    private static readonly NameOwner Global = new("an option every command of the CLI has");
    private static readonly NameOwner Fixed = new("a name the generated CLI uses");

    /// <summary>Parameters and locals of a generated command factory, before any option's local.</summary>
    public static IReadOnlyList<string> Locals { get; } = ["body", "client", "command", "ct", "cancellationToken", "options", "parse", "payload", "session", "token"];

    public CliModel Run(IReadOnlyList<ServiceModel> services, JsonContextModel json)
    {
        var api = context.Api;
        var owner = new NameOwner($"API '{api.ApiName}'", api.SpanOf("name"));
        var className = names.Types.Allocate(owner, context.Stem + "Cli", context.Stem + "CommandLine");
        var commands = names.Registry.Add("commands of the CLI", IdentifierSyntax.CommandLine);
        var globalOptions = names.Registry.Add("options of every CLI command", IdentifierSyntax.CommandLine);
        globalOptions.Reserve(CliNaming.GlobalOptions, Global);
        var files = names.Registry.Add("files of the CLI's gen/ (without .g.cs)", IdentifierSyntax.Path, ignoreCase: true);
        files.Reserve(["Runtime", "StreamGen.Cli.props", ".streamgen", className], Fixed);

        var cliServices = services.Where(s => s.Methods.Count > 0).Select(service =>
        {
            var serviceOwner = new NameOwner($"service '{service.DesignName}'");
            var serviceClass = names.Types.Allocate(serviceOwner, service.Name + "Commands", service.Name + "CliCommands");
            var factories = names.Registry.Add($"members of CLI class {serviceClass}", IdentifierSyntax.CSharp);
            factories.Reserve(ReservedNames.ObjectMembers.Append("Create").Append("Client"), Fixed);
            var methodCommands = names.Registry.Add($"commands of CLI command {service.DesignName}", IdentifierSyntax.CommandLine);
            return new CliServiceModel
            {
                CommandLiteral = CSharpLiterals.String(commands.Allocate(serviceOwner, CliNaming.ToKebabCase(service.DesignName), CliNaming.ToKebabCase(service.DesignName) + "-service")),
                DescriptionLiteral = CSharpLiterals.String(string.Join(" ", service.Description)),
                ClassName = serviceClass,
                FileName = files.Allocate(serviceOwner, serviceClass) + ".g.cs",
                ClientInterfaceName = service.ClientInterfaceName,
                ClientExpression = ClientExpression(service),
                InterceptorsInterfaceName = service.Interception?.Client?.InterfaceName,
                InterceptedClientName = service.Interception?.Client?.DecoratorName,
                Methods = [.. service.Methods.Select(method => Method(service, method, factories, methodCommands, globalOptions, json))],
                UsesGrpc = service.HasGrpc,
                Usings = CSharpUsings.Of(
                    ["System.CodeDom.Compiler"],
                    service.Methods.Select(m => m.Payload).OfType<TypeUseModel>().SelectMany(p => p.Record is { } record ? record.Properties.SelectMany(a => a.Type.Namespaces) : p.Type.Namespaces)),
            };
        }).ToList();

        return new CliModel
        {
            ExecutableName = CliNaming.ToKebabCase(api.ApiName!) + "-cli",
            ExecutableNameLiteral = CSharpLiterals.String(CliNaming.ToKebabCase(api.ApiName!) + "-cli"),
            ProjectFileName = CliNaming.ToKebabCase(api.ApiName!) + "-cli.csproj",
            DescriptionLiteral = CSharpLiterals.String(Description(api.Title ?? api.ApiName!, api.Description)),
            ClassName = className,
            Namespace = context.Namespace,
            RuntimeNamespace = context.RuntimeNamespace,
            HttpUrlLiteral = services.Any(s => s.HasHttp) ? CSharpLiterals.String($"http://{Host(api.Http?.Host)}:{api.Http?.Port ?? 8080}") : "null",
            GrpcUrlLiteral = services.Any(s => s.HasGrpc) ? CSharpLiterals.String($"http://{Host(api.Grpc?.Host)}:{api.Grpc?.Port ?? 8081}") : "null",
            Services = cliServices,
            CommandLineVersion = context.Options.CommandLineVersion,
            CopiesRuntime = context.Runtime == RuntimeMode.Source,
            ToolVersion = context.Options.ToolVersion,
            DesignFile = context.Options.DesignFile,
            UsesGrpc = services.Any(s => s.HasGrpc),
        };
    }

    private CliMethodModel Method(ServiceModel service, MethodModel method, NameScope factories, NameScope commands, NameScope globalOptions, JsonContextModel json)
    {
        var owner = new NameOwner($"method '{method.DesignName}' of service '{service.DesignName}'");
        var options = names.Registry.Add($"options of CLI command {service.DesignName} {method.DesignName}", IdentifierSyntax.CommandLine, globalOptions);
        var locals = names.Registry.Add($"locals of the CLI's {service.DesignName}.{method.DesignName} command", IdentifierSyntax.CSharp);
        locals.Reserve(Locals, Fixed);
        var optionModels = new List<CliOptionModel>();
        string? payload = null;
        if (method.Payload is { } use)
        {
            payload = use.Record is { } record
                ? Payload(record, options, locals, optionModels, json)
                : SingleValue(use, options, locals, optionModels, json);
        }

        string? Extra(string preferred, string fallback, string description)
        {
            var name = options.Allocate(Fixed, preferred, fallback);
            var local = locals.Allocate(Fixed, CSharpNaming.ToCamelCase(name.TrimStart('-')) + "Option");
            optionModels.Add(new CliOptionModel(name, local, $"Runtime::CliOptions.Value<string?>({CSharpLiterals.String(name)}, {CSharpLiterals.String(description)}, \"path\", false)"));
            return local;
        }

        string? view = null;
        if (new[] { method.Result, method.StreamingResult }.OfType<TypeUseModel>().FirstOrDefault(r => r.HasViews) is { Record: { } viewed } && !options.IsTaken("--view"))
        {
            var local = locals.Allocate(Fixed, "viewOption");
            var description = $"The view to print results in: {string.Join(", ", viewed.Views.Select(v => v.DesignName))} (default: as the server sends them).";
            optionModels.Add(new CliOptionModel("--view", local, $"Runtime::CliOptions.Enum<{viewed.ViewEnumName}>(\"--view\", \"view\", {CSharpLiterals.String(description)}, false)"));
            options.Reserve(["--view"], Fixed);
            view = $"session.Output.UseView<{viewed.Name}, {viewed.ViewEnumName}>(parse.GetValue({local}));";
        }

        var file = method.IsRawRequest ? Extra("--file", "--body-file", "The file to send as the request body (default: standard input; - too).") : null;
        var output = method.IsRawResponse ? Extra("--output", "--output-file", "The file to write the response body into (default: standard output; - too).") : null;
        var payloadArgument = method.HasPayload ? "payload, " : "";
        var writer = $"{json.ClassName}.Default.";
        var reader = $"{json.ReaderClassName}.";
        var call = $"client.{method.AsyncName}";
        var open = $"ct => {call}({payloadArgument}ct)";

        // A raw response with a result (headers) returns both: the CLI writes the body; the result is not printed yet.
        var rawBody = method.ReturnsRawResult ? ".Body" : "";
        var download = method.ReturnsRawResult ? $"async ct => (await {call}({payloadArgument}ct).ConfigureAwait(false)).Body" : open;
        var uploadDownload = method.ReturnsRawResult
            ? $"async (body, ct) => (await {call}({payloadArgument}body, ct).ConfigureAwait(false)){rawBody}"
            : $"(body, ct) => {call}({payloadArgument}body, ct)";
        var expression = (method.Kind, method.IsRawRequest, method.IsRawResponse) switch
        {
            (StreamKind.None, true, true) => $"Runtime::CliCalls.UploadDownloadAsync(session, parse.GetValue({file}), parse.GetValue({output}), {uploadDownload}, token)",
            (StreamKind.None, true, false) when method.Result is { } result => $"Runtime::CliCalls.UploadAsync(session, parse.GetValue({file}), (body, ct) => {call}({payloadArgument}body, ct), {writer}{result.Type.JsonInfoName}, token)",
            (StreamKind.None, true, false) => $"Runtime::CliCalls.UploadAsync(session, parse.GetValue({file}), (body, ct) => {call}({payloadArgument}body, ct), token)",
            (StreamKind.None, false, true) => $"Runtime::CliCalls.DownloadAsync(session, parse.GetValue({output}), {download}, token)",
            (StreamKind.None, _, _) when method.Result is { } result => $"Runtime::CliCalls.UnaryAsync(session, {open}, {writer}{result.Type.JsonInfoName}, token)",
            (StreamKind.None, _, _) => $"Runtime::CliCalls.UnaryAsync(session, {open}, token)",
            (StreamKind.Server, _, _) => $"Runtime::CliCalls.ServerStreamAsync(session, {open}, {writer}{method.StreamingResult!.Type.JsonInfoName}, token)",
            (StreamKind.Client, _, _) when method.Result is { } result =>
                $"Runtime::CliCalls.ClientStreamAsync(session, {open}, {reader}{method.StreamingPayload!.Type.JsonInfoName}, {writer}{result.Type.JsonInfoName}, token)",
            (StreamKind.Client, _, _) => $"Runtime::CliCalls.ClientStreamAsync(session, {open}, {reader}{method.StreamingPayload!.Type.JsonInfoName}, token)",
            _ => $"Runtime::CliCalls.BidirectionalAsync(session, {open}, {reader}{method.StreamingPayload!.Type.JsonInfoName}, {writer}{method.StreamingResult!.Type.JsonInfoName}, token)",
        };

        var transports = new List<string>();
        if (method.Http is { } http)
        {
            transports.Add(http.Sse is not null ? "sse" : http.IsWebSocket ? "ws" : "http");
        }

        if (method.Grpc is not null)
        {
            transports.Add("grpc");
        }

        var commandName = CliNaming.ToKebabCase(method.DesignName);
        return new CliMethodModel
        {
            CommandLiteral = CSharpLiterals.String(commands.Allocate(owner, commandName, commandName + "-method")),
            DescriptionLiteral = CSharpLiterals.String($"{string.Join(" ", method.Description)} (over {string.Join(" or ", transports)})".TrimStart()),
            FactoryName = factories.Allocate(owner, method.Name, method.Name + "Command"),
            DesignNameLiteral = CSharpLiterals.String($"{service.DesignName}.{method.DesignName}"),
            TransportsLiteral = "[" + string.Join(", ", transports.Select(CSharpLiterals.String)) + "]",
            Options = optionModels,
            PayloadExpression = payload,
            ViewStatement = view,
            Call = expression,
        };
    }

    /// <summary>One option per attribute, and the record built from them.</summary>
    private string Payload(TypeModel record, NameScope options, NameScope locals, List<CliOptionModel> models, JsonContextModel json)
    {
        var assignments = new List<string>();
        foreach (var property in record.Properties)
        {
            var kebab = CliNaming.ToKebabCase(property.JsonName);
            var owner = new NameOwner($"attribute '{property.JsonName}'");
            var name = options.Allocate(owner, "--" + kebab, "--payload-" + kebab);
            var local = locals.Allocate(owner, CSharpNaming.ToCamelCase(property.Name) + "Option");
            var (create, value) = Option(name, property.JsonName, string.Join(" ", property.Description), property.Type, property.TypeName, property.IsRequired, property.DefaultLiteral, local, json);
            models.Add(new CliOptionModel(name, local, create));
            assignments.Add($"{property.Name} = {value}");
        }

        return assignments.Count == 0 ? $"new {record.Name}()" : $"new {record.Name} {{ {string.Join(", ", assignments)} }}";
    }

    /// <summary>A payload that is not an object (<c>payload: String</c>): one required option, <c>--payload</c>.</summary>
    private string SingleValue(TypeUseModel use, NameScope options, NameScope locals, List<CliOptionModel> models, JsonContextModel json)
    {
        var name = options.Allocate(Fixed, "--payload", "--payload-value");
        var local = locals.Allocate(Fixed, "payloadOption");
        var (create, value) = Option(name, "payload", "The payload.", use.Type, use.TypeName, required: true, defaultLiteral: null, local, json);
        models.Add(new CliOptionModel(name, local, create));
        return value;
    }

    /// <summary>How an option of <paramref name="type"/> is created, and the expression reading its value into the payload.</summary>
    private static (string Create, string Value) Option(
        string name, string field, string description, TypeRefModel type, string propertyType, bool required, string? defaultLiteral, string local, JsonContextModel json)
    {
        var requiredLiteral = required ? "true" : "false";
        if (type.Enum is { } enumModel)
        {
            var shown = defaultLiteral is null ? description : $"{description} [default: {WireName(enumModel, defaultLiteral)}]".Trim();
            var create = $"Runtime::CliOptions.Enum<{enumModel.Name}>({CSharpLiterals.String(name)}, {CSharpLiterals.String(field)}, {CSharpLiterals.String(shown)}, {requiredLiteral})";
            var value = required ? $"parse.GetValue({local}).GetValueOrDefault()" : defaultLiteral is not null ? $"parse.GetValue({local}) ?? {defaultLiteral}" : $"parse.GetValue({local})";
            return (create, value);
        }

        if (type.Kind == TypeKind.Primitive && type.Primitive is { } primitive && primitive is not (PrimitiveKind.Bytes or PrimitiveKind.Any))
        {
            var create = defaultLiteral is null
                ? $"Runtime::CliOptions.Value<{propertyType}>({CSharpLiterals.String(name)}, {CSharpLiterals.String(description)}, {CSharpLiterals.String(HelpName(primitive))}, {requiredLiteral})"
                : $"Runtime::CliOptions.Defaulted<{propertyType}>({CSharpLiterals.String(name)}, {CSharpLiterals.String(description)}, {CSharpLiterals.String(HelpName(primitive))}, {defaultLiteral})";

            return (create, required || defaultLiteral is not null ? $"parse.GetRequiredValue({local})" : $"parse.GetValue({local})");
        }

        var jsonOption = $"Runtime::CliOptions.Json<{type.TypeName}>({CSharpLiterals.String(name)}, {CSharpLiterals.String(field)}, {CSharpLiterals.String((description + " (JSON)").Trim())}, \"json\", {requiredLiteral}, {json.ReaderClassName}.Options)";
        return (jsonOption, required ? $"parse.GetRequiredValue({local})!" : defaultLiteral is not null ? $"parse.GetValue({local}) ?? {defaultLiteral}" : $"parse.GetValue({local})");
    }

    private static string HelpName(PrimitiveKind kind) => PrimitiveForm.Normalize(kind) switch
    {
        PrimitiveKind.Boolean => "boolean",
        PrimitiveKind.Int32 => "int32",
        PrimitiveKind.Int64 => "int64",
        PrimitiveKind.UInt32 => "uint32",
        PrimitiveKind.UInt64 => "uint64",
        PrimitiveKind.Float32 => "float32",
        PrimitiveKind.Float64 => "float64",
        _ => "string",
    };

    /// <summary>The design's string of an enum default (<c>Level.Info</c> → <c>info</c>), as help shows it.</summary>
    private static string WireName(EnumModel model, string defaultLiteral)
    {
        var member = model.Members.FirstOrDefault(m => defaultLiteral.EndsWith("." + m.Name, StringComparison.Ordinal));
        return member is null ? defaultLiteral : member.WireNameLiteral.Trim('"');
    }

    private static string ClientExpression(ServiceModel service) => (service.HasHttp, service.HasGrpc) switch
    {
        (true, true) => $"session.IsGrpc ? new {service.GrpcClientClassName}(session.Own(GrpcNet::GrpcChannel.ForAddress(session.Url)){(service.HasSecuredMethods ? ", credentials: session.Credentials" : "")}) : new {service.HttpClientClassName}(session.Http, session.ClientOptions)",
        (false, true) => $"new {service.GrpcClientClassName}(session.Own(GrpcNet::GrpcChannel.ForAddress(session.Url)){(service.HasSecuredMethods ? ", credentials: session.Credentials" : "")})",
        _ => $"new {service.HttpClientClassName}(session.Http, session.ClientOptions)",
    };

    private static string Host(string? host) => host is null or "0.0.0.0" or "::" or "*" or "+" ? "localhost" : host;

    private static string Description(string title, string? description) => description is null ? title : $"{title}: {description}";
}
