using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// A named part of a design type (an attribute, a view), as a dictionary key. A class, not a value tuple: a Dictionary
/// keyed by a struct is generic code that ReadyToRun cannot precompile.
/// </summary>
internal sealed record TypeMemberKey(DesignObject Type, string Name);
