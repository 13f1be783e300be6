namespace StreamGen.Model.Building;

/// <summary>
/// An error's HTTP status as the design maps it (<c>http.errors</c> of the service, overridden by the method's). A class
/// rather than a tuple: lists and LINQ over value tuples are generic code over structs that ReadyToRun cannot precompile.
/// </summary>
internal sealed record ErrorStatus(string Name, int Status)
{
    /// <summary>The pair as a tuple prints it (<c>(name, 404)</c>): the key under which identical status tables are shared.</summary>
    public override string ToString() => $"({Name}, {Status})";
}
