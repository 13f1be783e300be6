namespace StreamGen.Design;

/// <summary>The HTTP methods a route can use, as the design's keys name them.</summary>
public enum HttpVerb
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}
