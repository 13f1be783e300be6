using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime.Accessors;
using StreamGen.Generation;
using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>
/// Templates read the model through <see cref="ModelMemberAccessor"/> (compiled getters) instead of Scriban's reflection
/// accessor: on every object of a real model, it must see the same members and read the same values.
/// </summary>
public sealed class ModelMemberAccessorTests
{
    [Theory]
    [InlineData("logger.yaml")]
    [InlineData("secured.yaml")]
    [InlineData("interop.yaml")]
    public void Every_model_object_reads_as_Scriban_reads_it(string design)
    {
        var model = Designs.GenerateFile(Path.Combine(Repository.Designs, design)).Model!;
        var context = new TemplateContext { MemberRenamer = member => member.Name };
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([model]);
        var types = new HashSet<Type>();
        while (pending.TryPop(out var target))
        {
            if (!seen.Add(target))
            {
                continue;
            }

            var reflected = new TypedObjectAccessor(target.GetType(), null, context.MemberRenamer);
            var compiled = new ModelMemberAccessor(target.GetType(), reflected, null, context.MemberRenamer);
            Assert.Equal(reflected.GetMembers(context, default, target).Order(StringComparer.Ordinal), compiled.GetMembers(context, default, target).Order(StringComparer.Ordinal));
            types.Add(target.GetType());
            foreach (var member in reflected.GetMembers(context, default, target))
            {
                Assert.True(reflected.TryGetValue(context, default, target, member, out var expected));
                Assert.True(compiled.TryGetValue(context, default, target, member, out var actual));
                Assert.Equal(expected, actual);
                foreach (var next in ModelObjects(actual))
                {
                    pending.Push(next);
                }
            }

            Assert.False(compiled.TryGetValue(context, default, target, "NoSuchMember", out _));
        }

        // The walk reached the model's records, not only the root.
        Assert.Contains(typeof(TypeModel), types);
        Assert.Contains(typeof(MethodModel), types);
        Assert.True(types.Count > 20, $"only {types.Count} model types reached");
    }

    [Fact]
    public void The_renderer_reads_the_model_through_compiled_getters()
    {
        var context = new ModelTemplateContext();
        Assert.IsType<ModelMemberAccessor>(context.GetMemberAccessor(new CheckModel("Range", "1, 2")));
        Assert.IsNotType<ModelMemberAccessor>(context.GetMemberAccessor(new Uri("https://example.com")));
        Assert.IsNotType<ModelMemberAccessor>(context.GetMemberAccessor(new List<CheckModel>()));
    }

    private static IEnumerable<object> ModelObjects(object? value) => value switch
    {
        null or string => [],
        IEnumerable items => items.Cast<object?>().SelectMany(ModelObjects),
        _ when value.GetType().Assembly == typeof(ApiModel).Assembly && !value.GetType().IsEnum => [value],
        _ => [],
    };
}
