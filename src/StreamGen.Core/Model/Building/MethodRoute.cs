using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// A method's HTTP verb and its full route, service base path included. A class, not a value tuple: a tuple with a struct
/// in it is generic code that ReadyToRun cannot precompile.
/// </summary>
internal sealed record MethodRoute(HttpVerb Verb, RoutePattern Route);
