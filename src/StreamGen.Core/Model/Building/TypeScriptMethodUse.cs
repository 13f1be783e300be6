using StreamGen.Design;
using StreamGen.Model.TypeScript;

namespace StreamGen.Model.Building;

/// <summary>
/// A design method and the TypeScript client method built for it. A class, not a value tuple: lists and LINQ over value
/// tuples are generic code over structs that ReadyToRun cannot precompile.
/// </summary>
internal sealed record TypeScriptMethodUse(DesignMethod Design, TypeScriptMethodModel Model);
