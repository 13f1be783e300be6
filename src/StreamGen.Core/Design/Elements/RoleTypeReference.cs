namespace StreamGen.Design;

/// <summary>
/// A type reference of a method with the role it plays there. A class, not a value tuple: LINQ over value tuples is
/// generic code over structs that ReadyToRun cannot precompile, so the JIT compiled it at every start.
/// </summary>
public sealed record RoleTypeReference(TypeRole Role, DesignTypeRef Reference);
