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
                HttpClientClassName = service.HasHttp ? service.HttpClientClassName : null,
                GrpcClientClassName = service.HasGrpc ? service.GrpcClientClassName : null,
                GrpcClientTakesCredentials = service.HasSecuredMethods,
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
        CliPayloadModel? payload = null;
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
            optionModels.Add(NewOption(name, local, CliOptionKind.Path, "path", description, "string?", required: false, defaultLiteral: null, CliOptionRead.Value, json));
            return local;
        }

        CliViewModel? view = null;
        if (new[] { method.Result, method.StreamingResult }.OfType<TypeUseModel>().FirstOrDefault(r => r.HasViews) is { Record: { ViewEnumName: { } viewEnum } viewed } && !options.IsTaken("--view"))
        {
            var local = locals.Allocate(Fixed, "viewOption");
            var description = $"The view to print results in: {string.Join(", ", viewed.Views.Select(v => v.DesignName))} (default: as the server sends them).";
            optionModels.Add(NewOption("--view", local, CliOptionKind.View, "view", description, viewEnum, required: false, defaultLiteral: null, CliOptionRead.Value, json));
            options.Reserve(["--view"], Fixed);
            view = new CliViewModel(viewed.Name, viewEnum, local);
        }

        var file = method.IsRawRequest ? Extra("--file", "--body-file", "The file to send as the request body (default: standard input; - too).") : null;
        var output = method.IsRawResponse ? Extra("--output", "--output-file", "The file to write the response body into (default: standard output; - too).") : null;
        var call = (method.Kind, method.IsRawRequest, method.IsRawResponse) switch
        {
            (StreamKind.None, true, true) => CliCallKind.UploadDownload,
            (StreamKind.None, true, false) => CliCallKind.Upload,
            (StreamKind.None, false, true) => CliCallKind.Download,
            (StreamKind.None, _, _) => CliCallKind.Unary,
            (StreamKind.Server, _, _) => CliCallKind.ServerStream,
            (StreamKind.Client, _, _) => CliCallKind.ClientStream,
            _ => CliCallKind.Bidirectional,
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
            Payload = payload,
            View = view,
            Call = call,
            AsyncName = method.AsyncName,
            ReturnsRawResult = method.ReturnsRawResult,
            ResultInfo = method.Result is { } result ? $"{json.ClassName}.Default.{result.Type.JsonInfoName}" : null,
            StreamingResultInfo = method.StreamingResult is { } item ? $"{json.ClassName}.Default.{item.Type.JsonInfoName}" : null,
            StreamingPayloadInfo = method.StreamingPayload is { } sent ? $"{json.ReaderClassName}.{sent.Type.JsonInfoName}" : null,
            FileOptionLocal = file,
            OutputOptionLocal = output,
        };
    }

    /// <summary>One option per attribute, and the record built from them.</summary>
    private static CliPayloadModel Payload(TypeModel record, NameScope options, NameScope locals, List<CliOptionModel> models, JsonContextModel json)
    {
        var assignments = new List<CliAssignmentModel>();
        foreach (var property in record.Properties)
        {
            var kebab = CliNaming.ToKebabCase(property.JsonName);
            var owner = new NameOwner($"attribute '{property.JsonName}'");
            var name = options.Allocate(owner, "--" + kebab, "--payload-" + kebab);
            var local = locals.Allocate(owner, CSharpNaming.ToCamelCase(property.Name) + "Option");
            var option = Option(name, property.JsonName, string.Join(" ", property.Description), property.Type, property.TypeName, property.IsRequired, property.DefaultLiteral, local, json);
            models.Add(option);
            assignments.Add(new CliAssignmentModel(property.Name, option));
        }

        return new CliPayloadModel { RecordName = record.Name, Assignments = assignments, Single = null };
    }

    /// <summary>A payload that is not an object (<c>payload: String</c>): one required option, <c>--payload</c>.</summary>
    private static CliPayloadModel SingleValue(TypeUseModel use, NameScope options, NameScope locals, List<CliOptionModel> models, JsonContextModel json)
    {
        var name = options.Allocate(Fixed, "--payload", "--payload-value");
        var local = locals.Allocate(Fixed, "payloadOption");
        var option = Option(name, "payload", "The payload.", use.Type, use.TypeName, required: true, defaultLiteral: null, local, json);
        models.Add(option);
        return new CliPayloadModel { RecordName = null, Assignments = [], Single = option };
    }

    /// <summary>The option for a value of <paramref name="type"/>: which factory creates it, and how its value is read into the payload.</summary>
    private static CliOptionModel Option(
        string name, string field, string description, TypeRefModel type, string propertyType, bool required, string? defaultLiteral, string local, JsonContextModel json)
    {
        var optional = defaultLiteral is not null ? CliOptionRead.OrDefault : CliOptionRead.Value;
        if (type.Enum is { } enumModel)
        {
            var shown = defaultLiteral is null ? description : $"{description} [default: {WireName(enumModel, defaultLiteral)}]".Trim();
            return NewOption(name, local, CliOptionKind.Enum, field, shown, enumModel.Name, required, defaultLiteral, required ? CliOptionRead.RequiredEnum : optional, json);
        }

        if (type.Kind == TypeKind.Primitive && type.Primitive is { } primitive && primitive is not (PrimitiveKind.Bytes or PrimitiveKind.Any))
        {
            return NewOption(
                name, local, defaultLiteral is null ? CliOptionKind.Value : CliOptionKind.Defaulted, field, description, propertyType, required, defaultLiteral,
                required || defaultLiteral is not null ? CliOptionRead.Required : CliOptionRead.Value, json, HelpName(primitive));
        }

        return NewOption(name, local, CliOptionKind.Json, field, (description + " (JSON)").Trim(), type.TypeName, required, defaultLiteral,
            required ? CliOptionRead.RequiredNotNull : optional, json, "json");
    }

    private static CliOptionModel NewOption(
        string name, string local, CliOptionKind kind, string field, string description, string typeName, bool required, string? defaultLiteral, CliOptionRead read, JsonContextModel json, string? helpName = null) => new()
    {
        Name = name,
        Local = local,
        Kind = kind,
        NameLiteral = CSharpLiterals.String(name),
        FieldLiteral = CSharpLiterals.String(field),
        DescriptionLiteral = CSharpLiterals.String(description),
        HelpNameLiteral = CSharpLiterals.String(helpName ?? field),
        TypeName = typeName,
        IsRequired = required,
        DefaultLiteral = defaultLiteral,
        JsonReaderClassName = json.ReaderClassName,
        Read = read,
    };

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

    private static string Host(string? host) => host is null or "0.0.0.0" or "::" or "*" or "+" ? "localhost" : host;

    private static string Description(string title, string? description) => description is null ? title : $"{title}: {description}";
}
