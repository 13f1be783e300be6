using Scriban;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace StreamGen.Generation;

/// <summary>
/// A Scriban context that reads the generation model through <see cref="ModelMemberAccessor"/> (compiled getters) instead
/// of Scriban's <see cref="TypedObjectAccessor"/> (<c>PropertyInfo.GetValue</c>). Reflection's invoke emits and JIT-compiles
/// a stub for every property a template reads twice, ~320 of them on every run, which ReadyToRun cannot precompile.
/// Everything else (collections, strings, script objects, .NET types outside the model) Scriban reads as before.
/// </summary>
internal sealed class ModelTemplateContext : TemplateContext
{
    private static readonly System.Reflection.Assembly ModelAssembly = typeof(ModelTemplateContext).Assembly;

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return accessor is TypedObjectAccessor typed && target.GetType().Assembly == ModelAssembly
            ? new ModelMemberAccessor(target.GetType(), typed, MemberFilter, MemberRenamer)
            : accessor;
    }
}
