using StreamGen.Design;

namespace StreamGen.Tests.Design;

/// <summary>The binder sets design properties through compiled setters, which must do what <c>PropertyInfo.SetValue</c> did.</summary>
public sealed class PropertySetterTests
{
    [Fact]
    public void Sets_values_of_every_kind_and_null_as_the_default()
    {
        var attribute = new DesignAttribute();
        Set(attribute, nameof(DesignAttribute.Type), "String");
        Set(attribute, nameof(DesignAttribute.MinLength), 3);
        Set(attribute, nameof(DesignAttribute.Field), 7L);
        Assert.Equal("String", attribute.Type);
        Assert.Equal(3, attribute.MinLength);
        Assert.Equal(7L, attribute.Field);

        Set(attribute, nameof(DesignAttribute.Type), null);
        Set(attribute, nameof(DesignAttribute.MinLength), null);
        Assert.Null(attribute.Type);
        Assert.Null(attribute.MinLength);
    }

    [Fact]
    public void A_non_nullable_value_set_to_null_gets_its_default_as_with_reflection()
    {
        var property = typeof(DesignEndpointLike).GetProperty(nameof(DesignEndpointLike.Enabled))!;
        var viaReflection = new DesignEndpointLike { Enabled = true };
        property.SetValue(viaReflection, null);
        var compiled = new DesignEndpointLike { Enabled = true };
        PropertySetter.Compile(property)(compiled, null);

        Assert.False(viaReflection.Enabled);
        Assert.False(compiled.Enabled);
    }

    private static void Set(object target, string name, object? value) =>
        PropertySetter.Compile(target.GetType().GetProperty(name)!)(target, value);

    private sealed class DesignEndpointLike
    {
        public bool Enabled { get; set; }
    }
}
