namespace StreamGen.Model.Building;

/// <summary>
/// The names security adds: the static class that describes the schemes and registers the policies
/// (<c>LoggerSecurity</c>), its member per scheme, and the authentication handler the user writes for each apiKey and basic scheme.
/// </summary>
internal sealed record SecurityNames(
    string ClassName,
    string AddAuthorizationName,
    string AddAuthenticationName,
    IReadOnlyDictionary<string, string> Members,
    IReadOnlyDictionary<string, string> Handlers);
