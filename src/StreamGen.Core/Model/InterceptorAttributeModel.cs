namespace StreamGen.Model;

/// <summary>One attribute of an interceptor view: the record property it maps to, its C# type, and whether the interceptor may set it.</summary>
public sealed record InterceptorAttributeModel(string PropertyName, string TypeName, bool IsWritable, IReadOnlyList<string> Description)
{
    public string Accessors => IsWritable ? "{ get; set; }" : "{ get; }";
}
