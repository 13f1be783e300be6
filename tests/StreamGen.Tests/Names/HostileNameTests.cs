using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Names;

/// <summary>
/// Designs whose names meet what the generator emits generate code that compiles without a warning (protoc's C# and the
/// framework's source generators included), and the model resolves each meeting the documented way, keeping every JSON
/// and wire name as the design writes it.
/// </summary>
public sealed class HostileNameTests
{
    public static TheoryData<string, string> AllDesigns => new()
    {
        { "members", HostileNameDesigns.Members },
        { "locals", HostileNameDesigns.Locals },
        { "types", HostileNameDesigns.Types },
        { "unicode", HostileNameDesigns.Unicode },
    };

    [Theory]
    [MemberData(nameof(AllDesigns))]
    public void The_generated_project_compiles_without_a_warning(string name, string design)
    {
        var generated = Designs.Generate(design, name + ".yaml");
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));

        var result = GeneratedCompilation.Compile(generated, name);

        Assert.Empty(result.Problems.Select(d => d.ToString()));
        Assert.Empty(GeneratedNames.UnreservedUnqualifiedNames(result, generated.Model!));
        Assert.Empty(GeneratedNames.UnknownLocals(result, generated.Model!));
    }

    [Fact]
    public void Attributes_named_like_record_and_view_members_are_renamed_in_csharp_only()
    {
        var model = Designs.Model(HostileNameDesigns.Members);
        var buildEvent = model.Types.Single(t => t.Name == "BuildEvent");
        var properties = buildEvent.Properties.ToDictionary(p => p.JsonName, p => p.Name);

        Assert.Equal("ProjectValue", properties["project"]);
        Assert.Equal("ViewName", properties["viewName"]);
        Assert.Equal("CloneValue", properties["clone"]);
        Assert.Equal("TryParseView", properties["tryParseView"]);
        Assert.Equal("ValidateViewValue", properties["validateView"]);
        Assert.Equal("ValidateValue", properties["validate"]);
        Assert.Equal("BuildEventViewValue", properties["buildEventView"]);
        Assert.Equal("PrintMembersValue", properties["printMembers"]);
        Assert.Equal("EqualityContractValue", properties["equalityContract"]);
        Assert.Equal("BuildEventValue", properties["build_event"]);
        Assert.Equal(("Code", "CodePattern"), (properties["code"], properties["codePattern"]));
        Assert.Equal("CodePatternRegex", Assert.Single(buildEvent.Patterns).MethodName);
        Assert.Equal("BuildEventView", buildEvent.ViewEnumName);
        Assert.Equal(["project", "viewName", "clone"], buildEvent.Properties.Take(3).Select(p => p.JsonName));
    }

    [Fact]
    public void Proto_fields_protoc_renames_are_read_by_their_protoc_names()
    {
        var proto = Designs.Model(HostileNameDesigns.Members).Proto!;
        var fields = proto.Messages.Single(m => m.Name == "GetRequest").Fields.ToDictionary(f => f.Name, f => f.CSharpName);

        Assert.Equal("Types_", fields["types"]);
        Assert.Equal("Descriptor_", fields["descriptor"]);
        Assert.Equal("Parser_", fields["parser"]);
        Assert.Equal("WriteTo_", fields["write_to"]);
        Assert.Equal("MergeFrom_", fields["merge_from"]);
        Assert.Equal("CalculateSize_", fields["calculate_size"]);
        Assert.Equal("Clone_", fields["clone"]);
        Assert.Equal("Item", fields["item"]);

        // In the message named like the field (protoc's other rename): the record Item, as a field of wrap's request.
        Assert.Equal("Item_", proto.Messages.Single(m => m.Name == "Item").Fields.Single(f => f.Name == "item").CSharpName);
    }

    [Fact]
    public void An_inline_attribute_named_view_gives_way_to_the_view_enum()
    {
        var model = Designs.Model(HostileNameDesigns.Members);
        var card = model.Types.Single(t => t.Name == "Card");

        Assert.Equal("CardView", card.ViewEnumName);
        Assert.Equal("CardView2", card.Properties.Single(p => p.JsonName == "view").Type.RecordName);
        Assert.Contains(model.Types, t => t.Name == "CardView2");
    }

    [Fact]
    public void Design_types_named_like_framework_runtime_or_generated_names_take_the_api_prefix()
    {
        var model = Designs.Model(HostileNameDesigns.Types);
        var names = model.Types.Select(t => (t.DesignName, t.Name)).ToDictionary(t => t.DesignName, t => t.Name);

        Assert.Equal("ShopTask", names["Task"]);

        // gRPC's types are written through an alias (GrpcCore::Status), so a design type keeps their names.
        Assert.Equal("Status", names["Status"]);
        Assert.Equal("Metadata", names["Metadata"]);
        Assert.Equal("ShopStream", names["Stream"]);
        Assert.Equal("ShopHttpContext", names["HttpContext"]);
        Assert.Equal("ShopServiceError", names["ServiceError"]);
        Assert.Equal("ShopRuntime", names["Runtime"]);
        Assert.Equal("ShopSystem", names["System"]);
        Assert.Equal(("Default", "Order", "CardView"), (names["Default"], names["Order"], names["CardView"]));
        Assert.Equal("CardViews", model.Types.Single(t => t.Name == "Card").ViewEnumName);
    }

    [Fact]
    public void Json_context_properties_stay_clear_of_the_context_members_and_the_collection_names()
    {
        var entries = Designs.Model(HostileNameDesigns.Types).Json.Entries.ToDictionary(e => e.TypeName, e => e.PropertyName);

        Assert.Equal("DefaultRecord", entries["Default"]);
        Assert.Equal("OptionsRecord", entries["Options"]);
        // Single is System.Single, after which the JSON generator names float lists (IReadOnlyListSingle): the type gives way.
        Assert.Equal("ShopSingle", entries["ShopSingle"]);
        Assert.Equal("RecordArrayOfTask", entries["ArrayOfTask"]);
        Assert.Equal("ArrayOfShopTask", entries["IReadOnlyList<ShopTask>"]);
        Assert.Equal(entries.Count, entries.Values.Distinct().Count());
    }

    [Fact]
    public void A_grpc_service_named_like_a_message_keeps_its_name_and_the_message_gives_way()
    {
        var model = Designs.Model(HostileNameDesigns.Types);
        var proto = model.Proto!;

        Assert.Equal("Order", Assert.Single(proto.Services).Name);
        Assert.Contains(proto.Messages, m => m.Name == "OrderMessage" && m.RecordTypeName == "Order");
        Assert.DoesNotContain(proto.Messages, m => m.Name == "Order");
    }

    [Fact]
    public void Helpers_of_a_grpc_service_class_give_way_to_the_rpcs()
    {
        var methods = Designs.Model(HostileNameDesigns.Types).Services.Single(s => s.DesignName == "order").Methods.ToDictionary(m => m.DesignName);

        // The service's one status table would be ErrorStatus, which the RPC of error_status holds.
        Assert.Equal(("X", "ErrorStatus"), (methods["x"].Grpc!.RpcName, methods["error_status"].Grpc!.RpcName));
        Assert.Equal("ErrorStatus2", methods["x"].Grpc!.StatusName);
        Assert.Equal("ErrorStatus2", methods["error_status"].Grpc!.StatusName);
    }

    [Fact]
    public void Error_factories_named_like_object_members_are_renamed_and_keep_their_wire_names()
    {
        var errors = Designs.Model(HostileNameDesigns.Types).Services.Single(s => s.DesignName == "order").Errors;

        Assert.Equal([("EqualsError", "\"equals\""), ("ToStringError", "\"to_string\"")], errors.Select(e => (e.FactoryName, e.NameLiteral)));
    }

    [Fact]
    public void Files_and_folders_that_differ_only_in_case_get_apart()
    {
        var model = Designs.Model(HostileNameDesigns.Types);

        // Types too: System.Text.Json's generator names a file after each type, and CLS wants names apart ignoring case.
        Assert.Equal(("Foo", "Types/Foo.g.cs"), (model.Types.Single(t => t.DesignName == "Foo").Name, model.Types.Single(t => t.DesignName == "Foo").FileName));
        Assert.Equal(("ShopFOO", "Types/ShopFOO.g.cs"), (model.Types.Single(t => t.DesignName == "FOO").Name, model.Types.Single(t => t.DesignName == "FOO").FileName));
        Assert.Equal([("Ab", "AbService.cs"), ("ABService", "ABServiceImpl.cs")], model.Services.Skip(1).Select(s => (s.Folder, s.ScaffoldFileName)));
        var paths = Designs.Generate(HostileNameDesigns.Types).Files.Select(f => f.RelativePath).ToList();
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Attributes_named_like_generated_locals_get_locals_of_their_own()
    {
        var unary = Designs.Model(HostileNameDesigns.Locals).Services[0].Methods.Single(m => m.DesignName == "unary").Http!;

        Assert.Equal("pCancellationToken", unary.PathParameters.Single().LocalName);
        Assert.Equal(["pStream", "pPayload"], unary.QueryParameters.Select(p => p.LocalName));
        Assert.Equal(["pContext", "pRequest"], unary.HeaderParameters.Select(p => p.LocalName));
    }

    [Fact]
    public void Non_ascii_names_keep_their_csharp_and_json_spelling_and_get_an_ascii_one_in_protobuf()
    {
        var model = Designs.Model(HostileNameDesigns.Unicode);
        var size = model.Types.Single(t => t.DesignName == "Größe");
        var message = model.Proto!.Messages.Single(m => m.Name == "MessenRequest");

        Assert.Equal(("Maße", "masse"), (model.Namespace, model.Proto.Package));
        Assert.Equal(["GrößeValue", "MaßEinheit", "名前", "Ñandú"], size.Properties.Select(p => p.Name));
        Assert.Equal(["\"größe\"", "\"maß_einheit\"", "\"名前\"", "\"ñandú\""], size.Properties.Select(p => p.JsonNameLiteral));
        Assert.Equal(["grosse", "mass_einheit", "field_3", "nandu"], message.Fields.Select(f => f.Name));
        Assert.Equal(["Grosse", "Messen"], model.Proto.Services[0].Rpcs.Select(r => r.Name));
        Assert.Equal("/größen/{größe}", model.Services[0].Methods[0].Http!.Route);
    }
}
