using System.Reflection;

namespace StreamGen.Design;

/// <summary>
/// Sets a design class's property through a delegate compiled once, not <c>PropertyInfo.SetValue</c>: reflection's invoke
/// emits and JIT-compiles a stub for every property set twice (~60 on every run), which ReadyToRun cannot precompile.
/// Sets null as <c>SetValue</c> does: the property type's default.
/// </summary>
internal static class PropertySetter
{
    private static readonly MethodInfo SetterOfMethod = typeof(PropertySetter).GetMethod(nameof(SetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Action<object, object?> Compile(PropertyInfo property) =>
        SetterOfMethod.MakeGenericMethod(property.DeclaringType!, property.PropertyType)
            .CreateDelegate<Func<MethodInfo, Action<object, object?>>>()(property.SetMethod!);

    // Called through a delegate, not MethodInfo.Invoke, which would emit a stub for each instance of the method too.
    private static Action<object, object?> SetterOf<TTarget, TValue>(MethodInfo setter)
    {
        var typed = setter.CreateDelegate<Action<TTarget, TValue>>();
        return (target, value) => typed((TTarget)target, value is null ? default! : (TValue)value);
    }
}
