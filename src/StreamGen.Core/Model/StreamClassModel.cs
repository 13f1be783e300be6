namespace StreamGen.Model;

/// <summary>
/// A generated stream class: the runtime's stream type for the method's kind and transport, bound to the method's types,
/// its conversions and its stream interface. Templates write it as one declaration:
/// <c>private sealed class {Name}({Parameters}) : {BaseType}({BaseArguments}), {Interface};</c>
/// </summary>
public sealed record StreamClassModel(string Name, string Parameters, string BaseType, string BaseArguments);
