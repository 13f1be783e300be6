namespace StreamGen.Runtime;

/// <summary>A type whose design rules are checked by generated code (no reflection).</summary>
public interface IValidatable
{
    /// <summary>Adds each broken rule to <paramref name="errors"/>, which stays null while all is well (no allocation).</summary>
    void Validate(ref ValidationErrors? errors);
}
