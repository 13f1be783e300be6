using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StreamGen.Generation;

/// <summary>
/// Reads the members of one model type for Scriban the way its <c>TypedObjectAccessor</c> does (public instance fields and
/// properties, a derived type's first, named by the context's renamer), through a delegate per property compiled once.
/// What templates never do with the model (writing members, indexers) goes to Scriban's own accessor.
/// </summary>
internal sealed class ModelMemberAccessor : IObjectAccessor
{
    private static readonly MethodInfo GetterOfMethod = typeof(ModelMemberAccessor).GetMethod(nameof(GetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly Dictionary<string, Func<object, object?>> _getters = new(StringComparer.Ordinal);
    private readonly IObjectAccessor _reflected;

    public ModelMemberAccessor(Type type, IObjectAccessor reflected, MemberFilterDelegate? filter, MemberRenamerDelegate? renamer)
    {
        _reflected = reflected;
        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (var field in level.GetFields(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public))
            {
                if (field.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && !field.IsLiteral && (filter is null || filter(field)))
                {
                    _getters.TryAdd(NameOf(field, renamer), field.GetValue);
                }
            }

            foreach (var property in level.GetProperties(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && property.GetMethod is { IsStatic: false, IsPublic: true } getter
                    && property.GetIndexParameters().Length == 0 && (filter is null || filter(property)))
                {
                    var name = NameOf(property, renamer);
                    if (!_getters.ContainsKey(name))
                    {
                        _getters.Add(name, Compile(getter));
                    }
                }
            }
        }
    }

    public bool HasIndexer => _reflected.HasIndexer;

    public Type? IndexType => _reflected.IndexType;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _getters.Count;

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _getters.Keys;

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _getters.ContainsKey(member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }

        value = null;
        return false;
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        _reflected.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        _reflected.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        _reflected.TrySetItem(context, span, target, index, value);

    private static string NameOf(MemberInfo member, MemberRenamerDelegate? renamer) =>
        renamer?.Invoke(member) is { Length: > 0 } renamed ? renamed : member.Name;

    /// <summary>
    /// A delegate calling <paramref name="getter"/> on an object. Built by a generic method so the call is a typed delegate
    /// call: for reference-typed properties every instance shares one precompiled body; value types add one each. The
    /// generic method is called through a delegate, not <c>MethodInfo.Invoke</c>, which would emit a stub per instance.
    /// </summary>
    private static Func<object, object?> Compile(MethodInfo getter) =>
        GetterOfMethod.MakeGenericMethod(getter.DeclaringType!, getter.ReturnType).CreateDelegate<Func<MethodInfo, Func<object, object?>>>()(getter);

    private static Func<object, object?> GetterOf<TTarget, TValue>(MethodInfo getter)
    {
        var typed = getter.CreateDelegate<Func<TTarget, TValue>>();
        return target => typed((TTarget)target);
    }
}
