namespace StreamGen.Model;

/// <summary>
/// A view an interceptor step passes: the info's parameter (<c>streamingResult</c>), the intercepted value it wraps
/// (<c>interceptedPayload</c>, <c>interceptedResult</c>, or the streamed <c>message</c>) and the adapter class that exposes
/// exactly the attributes the interceptor reads and writes.
/// </summary>
public sealed record InterceptorStepViewModel(string ParameterName, string Source, string AdapterName);
