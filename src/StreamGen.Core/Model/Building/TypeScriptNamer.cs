using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// The TypeScript names, in scopes of the one registry: the module's exports, after the words TypeScript reserves, the
/// globals it refers to and the runtime's exports it re-exports; each client's members, after the members every object
/// has. A type keeps its C# record name whenever TypeScript allows it, so the two clients read alike; what gives way takes
/// the API's name in front (<c>Response</c> → <c>LoggerResponse</c>). JSON names are never renamed: they are keys.
/// </summary>
internal sealed class TypeScriptNamer(ModelContext context, NameRegistry registry, ModelNames names)
{
    public const string RuntimeFile = "streamgen.ts";

    private static readonly NameOwner Global = new("a global name TypeScript or the web platform defines");
    private static readonly NameOwner Runtime = new("a name the TypeScript runtime exports");
    private static readonly NameOwner ObjectMember = new("a member every object has");
    private static readonly NameOwner GeneratedFile = new("a file the generator writes");

    public TypeScriptNames Run()
    {
        var exports = registry.Add($"exports of the TypeScript module of API '{context.Api.ApiName}'", IdentifierSyntax.TypeScript);
        exports.Reserve(TypeScriptNaming.GlobalNames.Order(StringComparer.Ordinal), Global);
        exports.Reserve(TypeScriptNaming.RuntimeExports.Order(StringComparer.Ordinal), Runtime);

        var types = names.Objects.ToDictionary(o => o, o => Allocate(exports, Owner(o), names.Record(o).Name, context.Stem + names.Record(o).Name));
        var enums = new Dictionary<TypeMemberKey, string>();
        var viewNameTypes = new Dictionary<DesignObject, string>();
        var views = new Dictionary<TypeMemberKey, string>();
        foreach (var type in names.Objects)
        {
            var name = types[type];
            foreach (var (attribute, design) in type.Attributes)
            {
                if (design.Enum is { Count: > 0 } && context.TypeOf(design, attribute) is PrimitiveTypeExpression)
                {
                    var stem = name + CSharpNaming.ToPascalCase(attribute);
                    enums[new TypeMemberKey(type, attribute)] = Allocate(exports, new NameOwner($"attribute '{attribute}'", design.NameSpan), stem, stem + "Values");
                }
            }

            if (type.ResultType is { } resultType)
            {
                viewNameTypes[type] = Allocate(exports, Owner(type), name + "View", name + "Views");
                foreach (var view in resultType.Views is { Count: > 0 } declared ? declared.Keys.ToList() : ["default"])
                {
                    var stem = name + CSharpNaming.ToPascalCase(view) + "View";
                    views[new TypeMemberKey(type, view)] = Allocate(exports, new NameOwner($"view '{view}' of '{type.TypeName}'", type.Owner.EntrySpanOf("views", view)), stem, stem + "Type");
                }
            }
        }

        var errors = new Dictionary<ServiceMemberKey, string>();
        var clients = new Dictionary<DesignService, string>();
        var methods = new Dictionary<DesignMethod, string>();
        foreach (var service in context.Services)
        {
            var servicePascal = CSharpNaming.ToPascalCase(service.Name);
            foreach (var (error, design) in service.DeclaredErrors())
            {
                var pascal = CSharpNaming.ToPascalCase(error);
                errors[new ServiceMemberKey(service, error)] = Allocate(exports, new NameOwner($"error '{error}'", design.NameSpan), pascal + "Error", servicePascal + pascal + "Error");
            }

            var owner = new NameOwner($"service '{service.Name}'", service.NameSpan);
            clients[service] = Allocate(exports, owner, servicePascal + "Client", servicePascal + "ServiceClient");
            var members = registry.Add($"members of TypeScript class {clients[service]}", IdentifierSyntax.TypeScriptMember);
            members.Reserve(TypeScriptNaming.ObjectMembers, ObjectMember);
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                var camel = CSharpNaming.ToCamelCase(method.Name);
                methods[method] = Allocate(members, new NameOwner($"method '{method.Name}'", method.NameSpan), camel, camel + "Method");
            }
        }

        var files = registry.Add("files of the TypeScript folder", IdentifierSyntax.Path, ignoreCase: true);
        files.Reserve([RuntimeFile, ".streamgen"], GeneratedFile);
        var file = files.Allocate(new NameOwner($"API '{context.Api.ApiName}'", context.Api.SpanOf("name")), context.Api.ApiName + ".ts", context.Api.ApiName + "-client.ts");
        return new TypeScriptNames(file, types, enums, viewNameTypes, views, errors, clients, methods);
    }

    /// <summary>The first candidate the scope's language accepts and nobody holds, else the last numbered.</summary>
    private static string Allocate(NameScope scope, NameOwner owner, string preferred, string fallback)
    {
        var valid = new[] { preferred, fallback }.Where(candidate => scope.Syntax switch
        {
            IdentifierSyntax.TypeScript => TypeScriptNaming.IsBindingName(candidate),
            IdentifierSyntax.TypeScriptMember => TypeScriptNaming.IsIdentifierName(candidate),
            _ => true,
        }).ToArray();
        return scope.Allocate(owner, valid[0], valid[1..]);
    }

    private static NameOwner Owner(DesignObject type) => new(type.TypeName is null ? type.Description : $"type '{type.TypeName}'", type.Owner.NameSpan);
}
