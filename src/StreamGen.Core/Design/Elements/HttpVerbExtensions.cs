namespace StreamGen.Design;

public static class HttpVerbExtensions
{
    /// <summary>The method token as HTTP and the design write it (<c>GET</c>).</summary>
    public static string Token(this HttpVerb verb) => verb switch
    {
        HttpVerb.Get => "GET",
        HttpVerb.Post => "POST",
        HttpVerb.Put => "PUT",
        HttpVerb.Patch => "PATCH",
        _ => "DELETE",
    };
}
