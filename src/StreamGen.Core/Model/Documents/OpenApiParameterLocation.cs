namespace StreamGen.Model.Documents;

/// <summary>Where a payload attribute travels in a request.</summary>
public enum OpenApiParameterLocation
{
    Path,
    Query,
    Header,
}
