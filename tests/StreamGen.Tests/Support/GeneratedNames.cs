using StreamGen.Model;
using StreamGen.Naming;

namespace StreamGen.Tests.Support;

/// <summary>Checks that the name registry's fixed lists cover what a compiled generated project actually uses.</summary>
internal static class GeneratedNames
{
    /// <summary>Every type name used unqualified is reserved, so no design type can hide it.</summary>
    public static IReadOnlyList<string> UnreservedUnqualifiedNames(GeneratedCompilation.Result compiled, ApiModel model) =>
        UnqualifiedNames.Find(compiled.Compilation, model.Namespace).Where(n => !ReservedNames.UnqualifiedTypeNames.Contains(n)).ToList();

    /// <summary>Every local and parameter is either a fixed name the registry reserves or one the model allocated.</summary>
    public static IReadOnlyList<string> UnknownLocals(GeneratedCompilation.Result compiled, ApiModel model)
    {
        var allocated = model.Types.SelectMany(t => t.Properties).Select(p => p.LocalName)
            .Concat(model.Services.SelectMany(s => s.Methods).SelectMany(m => (m.Http?.AllParameters ?? []).Concat(m.Grpc?.Metadata.Select(x => x.Parameter) ?? [])).Select(p => p.LocalName));
        var known = ReservedNames.GeneratedLocals.Concat(ReservedNames.RecordLocals).Concat(allocated).ToHashSet(StringComparer.Ordinal);
        return DeclaredLocals.Find(compiled.Compilation).Where(n => !known.Contains(n)).ToList();
    }
}
