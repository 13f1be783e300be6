using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>
/// The rules of a value of any type the transports carry: a record checks itself, a list its items, a map its values, a
/// primitive nothing; decode errors come before the rules, and a valid value passes through untouched.
/// </summary>
public sealed class ValidationTests
{
    private static readonly Note Valid = new() { Title = "t", Body = "b" };
    private static readonly Note Untitled = new() { Title = null!, Body = "b" };

    [Fact]
    public void A_record_reports_its_own_rules()
    {
        ValidationErrors? errors = null;

        Validation.Validate(Untitled, "body", ref errors);

        Assert.Equal([("missing_field", "title")], Errors(errors));
    }

    [Fact]
    public void A_list_of_records_reports_each_item_under_its_index_and_a_null_item_as_missing()
    {
        ValidationErrors? errors = null;
        IReadOnlyList<Note> notes = [Valid, Untitled, null!];

        Validation.Validate(notes, "message", ref errors);

        Assert.Equal([("missing_field", "message[1].title"), ("missing_field", "message[2]")], Errors(errors));
    }

    [Fact]
    public void A_map_of_records_reports_each_value_under_its_key()
    {
        ValidationErrors? errors = null;
        IReadOnlyDictionary<string, Note> notes = new Dictionary<string, Note> { ["a"] = Valid, ["b"] = Untitled };

        Validation.Validate(notes, "body", ref errors);

        Assert.Equal([("missing_field", "body[b].title")], Errors(errors));
        Assert.True(ValidationShape<IReadOnlyDictionary<string, Note>>.HasValidatableValues);
        Assert.False(ValidationShape<IReadOnlyDictionary<string, string>>.HasValidatableValues);
    }

    [Fact]
    public void Primitives_and_lists_of_them_have_no_rules()
    {
        ValidationErrors? errors = null;

        Validation.Validate(42L, "body", ref errors);
        Validation.Validate("text", "body", ref errors);
        Validation.Validate<IReadOnlyList<string>>(["a", "b"], "body", ref errors);
        Validation.Validate<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["a"] = "b" }, "body", ref errors);

        Assert.Null(errors);
    }

    [Fact]
    public void Validated_returns_a_valid_value_and_throws_every_broken_rule_otherwise()
    {
        var thrown = Assert.Throws<ValidationException>(() => Validation.Validated(Untitled));

        Assert.Same(Valid, Validation.Validated(Valid));
        Assert.Equal("missing_field", thrown.Name);
        Assert.Equal([("missing_field", "title")], thrown.Errors.Select(e => (e.Name, e.Field)));
    }

    [Fact]
    public void Decode_errors_are_thrown_without_the_rules_of_what_did_not_decode()
    {
        var decoding = new ValidationErrors();
        decoding.Add("invalid_field_type", "limit", "must be an integer, but is \"x\"");

        var thrown = Assert.Throws<ValidationException>(() => Validation.Validated(Untitled, decoding));
        var any = Assert.Throws<ValidationException>(() => Validation.ThrowIfAny(decoding));

        Assert.Equal([("invalid_field_type", "limit")], thrown.Errors.Select(e => (e.Name, e.Field)));
        Assert.Same(thrown.Errors[0], any.Errors[0]);
        Validation.ThrowIfAny(null);
    }

    [Fact]
    public void A_design_enum_left_at_zero_is_missing_and_one_outside_its_members_is_invalid()
    {
        ValidationErrors? errors = null;

        Check.Enum(ref errors, "mood", Mood.InAHurry);
        Check.Enum(ref errors, "mood", default(Mood));
        Check.Enum(ref errors, "mood", (Mood)7);

        Assert.Equal([("missing_field", "mood"), ("invalid_enum_value", "mood")], Errors(errors));
        Assert.Equal("\"mood\" must be one of \"calm\", \"in-a-hurry\", but is 7", errors!.Items[1].ToString());
    }

    private static List<(string Name, string Field)> Errors(ValidationErrors? errors) => errors?.Items.Select(e => (e.Name, e.Field)).ToList() ?? [];
}
