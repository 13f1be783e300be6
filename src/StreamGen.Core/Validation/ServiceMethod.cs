using StreamGen.Design;

namespace StreamGen.Validation;

/// <summary>
/// A method of the design with the service that declares it. A class, not a value tuple: LINQ over value tuples is
/// generic code over structs that ReadyToRun cannot precompile.
/// </summary>
internal sealed record ServiceMethod(DesignService Service, DesignMethod Method);
