using StreamGen.Design;

namespace StreamGen.Model.Building;

/// <summary>
/// A named part of a design service (an error), as a dictionary key. A class, not a value tuple: a Dictionary keyed by a
/// struct is generic code that ReadyToRun cannot precompile.
/// </summary>
internal sealed record ServiceMemberKey(DesignService Service, string Name);
