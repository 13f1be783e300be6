namespace StreamGen.Runtime;

using global::System.Collections.Generic;

/// <summary>One way to satisfy a method's security (one Goa <c>Security</c> call): every scheme authenticates the request and the principal holds every scope.</summary>
public sealed record SecurityAlternative(IReadOnlyList<string> Schemes, IReadOnlyList<string> Scopes);
