namespace StreamGen.Validation.Rules;

/// <summary>
/// A credential a payload carries: a scheme, and for Basic the part (username or password). A class, not a value tuple:
/// a Dictionary keyed by a struct is generic code that ReadyToRun cannot precompile.
/// </summary>
internal sealed record CredentialPart(string Scheme, string? Part);
