using StreamGen.Naming;

namespace StreamGen.Tests.Names;

/// <summary>The naming rules on their own: scopes, protobuf's spellings and protoc's C# for them, non-ASCII names.</summary>
public sealed class NamingTests
{
    private static readonly NameOwner Fixed = new("something fixed");
    private static readonly NameOwner Design = new("type 'X'", new StreamGen.Diagnostics.SourceSpan("d.yaml", 1, 1));

    [Fact]
    public void A_scope_hands_out_the_preferred_name_then_its_fallbacks_then_the_last_numbered()
    {
        var scope = new NameScope("test", IdentifierSyntax.CSharp);
        scope.Reserve(["Item"], Fixed);

        Assert.Equal("ItemValue", scope.Allocate(Design, "Item", "ItemValue"));
        Assert.Equal("ItemValue2", scope.Allocate(Design, "Item", "ItemValue"));
        Assert.Equal("Other", scope.Allocate(Design, "Other"));
        Assert.Equal("Other2", scope.Allocate(Design, "Other"));
    }

    [Fact]
    public void A_claim_reports_who_holds_the_name_and_a_child_scope_sees_its_parents_names()
    {
        var members = new NameScope("members", IdentifierSyntax.CSharp);
        var locals = new NameScope("locals", IdentifierSyntax.CSharp, members);
        members.Reserve(["Equals"], Fixed);

        Assert.False(locals.TryClaim("Equals", Design, out var holder));
        Assert.Same(Fixed, holder);
        Assert.True(locals.TryClaim("topicValue", Design, out _));
        Assert.False(members.IsTaken("topicValue"));
    }

    [Fact]
    public void A_scope_of_files_ignores_case()
    {
        var files = new NameScope("files", IdentifierSyntax.Path, ignoreCase: true);

        Assert.Equal("Foo.g.cs", files.Allocate(Design, "Foo.g.cs"));
        Assert.Equal("FOO_.g.cs", files.Allocate(Design, "FOO.g.cs", "FOO_.g.cs"));
    }

    [Theory]
    [InlineData(IdentifierSyntax.CSharp, "class")]
    [InlineData(IdentifierSyntax.CSharp, "1st")]
    [InlineData(IdentifierSyntax.Proto, "größe")]
    [InlineData(IdentifierSyntax.Proto, "1st")]
    public void A_name_the_language_cannot_carry_is_a_bug_not_an_output(IdentifierSyntax syntax, string name)
    {
        var scope = new NameScope("test", syntax);

        Assert.Throws<InvalidOperationException>(() => scope.Allocate(Design, name));
    }

    [Theory]
    [InlineData("types", "Types_")]
    [InlineData("descriptor", "Descriptor_")]
    [InlineData("parser", "Parser_")]
    [InlineData("write_to", "WriteTo_")]
    [InlineData("merge_from", "MergeFrom_")]
    [InlineData("on_construction", "OnConstruction_")]
    [InlineData("http_code", "HttpCode")]
    [InlineData("last_event_id", "LastEventId")]
    [InlineData("x2y", "X2Y")]
    [InlineData("_1st", "_1St")]
    public void Field_properties_follow_protocs_csharp_plugin(string field, string property)
    {
        Assert.Equal(property, ProtoNaming.CSharpPropertyName(field));
    }

    [Fact]
    public void A_field_named_like_its_message_gets_protocs_underscore_and_presence_members_are_named_too()
    {
        Assert.Equal("Item_", ProtoNaming.CSharpPropertyName("item", "Item"));
        Assert.Equal(["Foo", "FooFieldNumber", "HasFoo", "ClearFoo"], ProtoNaming.CSharpMembers("foo", hasPresence: true));
        Assert.Equal(["HasFoo", "HasFooFieldNumber"], ProtoNaming.CSharpMembers("has_foo", hasPresence: false));
    }

    [Theory]
    [InlineData("lastEventId", 1, "last_event_id")]
    [InlineData("HTTPCode", 1, "http_code")]
    [InlineData("größe", 1, "grosse")]
    [InlineData("maßEinheit", 1, "mass_einheit")]
    [InlineData("Ærø", 1, "aero")]
    [InlineData("ñandú", 1, "nandu")]
    [InlineData("名前", 7, "field_7")]
    public void Field_names_are_snake_case_ascii_or_numbered(string attribute, long number, string field)
    {
        Assert.Equal(field, ProtoNaming.FieldName(attribute, number));
    }

    [Theory]
    [InlineData("größe", true)]
    [InlineData("名前", true)]
    [InlineData("_private", true)]
    [InlineData("my-id", false)]
    [InlineData("1st", false)]
    [InlineData("zero\u200Bwidth", false)]
    [InlineData("", false)]
    public void Design_names_are_identifiers_in_any_script(string name, bool valid)
    {
        Assert.Equal(valid, CSharpNaming.IsDesignIdentifier(name));
    }

    [Theory]
    [InlineData("logger", "Logger")]
    [InlineData("task", "TaskApi")]
    [InlineData("system", "SystemApi")]
    [InlineData("maße", "Maße")]
    public void An_api_name_becomes_a_namespace_that_hides_nothing_the_generated_code_uses(string api, string ns)
    {
        Assert.Equal(ns, CSharpNaming.ToNamespace(api));
    }
}
