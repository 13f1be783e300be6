namespace StreamGen.Model;

/// <summary>The view of one interceptor over one part of one method (<c>TraceWatchStreamingResult</c>), a class over the intercepted record.</summary>
public sealed record InterceptorAdapterModel(string ClassName, string InterfaceName, string ValueType, IReadOnlyList<InterceptorAttributeModel> Attributes);
