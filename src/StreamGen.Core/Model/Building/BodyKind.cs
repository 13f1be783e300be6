namespace StreamGen.Model.Building;

internal enum BodyKind
{
    /// <summary>Every attribute travels elsewhere: no body.</summary>
    None,

    /// <summary>The whole payload or result is the body.</summary>
    Whole,

    /// <summary>One attribute is the body (<c>body: entry</c>).</summary>
    Attribute,

    /// <summary>A generated record of the attributes that travel nowhere else.</summary>
    Partial,
}
