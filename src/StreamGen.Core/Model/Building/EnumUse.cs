using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// A record attribute a design enum types. A class, not a value tuple: LINQ and lists over value tuples are generic code
/// over structs that ReadyToRun cannot precompile.
/// </summary>
internal sealed record EnumUse(DesignObject Owner, DesignAttribute Attribute);
