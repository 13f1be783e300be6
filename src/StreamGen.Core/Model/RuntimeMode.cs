namespace StreamGen.Model;

/// <summary>How a generated project gets the StreamGen runtime (the design's <c>api.runtime</c>, or <c>gen --runtime</c>).</summary>
public enum RuntimeMode
{
    /// <summary>The runtime's sources are written into gen/Runtime, in the namespace <c>&lt;Namespace&gt;.Runtime</c>.</summary>
    Source,

    /// <summary>The project references the StreamGen.Runtime package of the tool's version; the namespace is <c>StreamGen.Runtime</c>.</summary>
    Package,
}
