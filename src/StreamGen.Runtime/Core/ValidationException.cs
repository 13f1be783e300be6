namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;

/// <summary>
/// A value broke design rules: every broken rule is listed. The error name is the first rule's (Goa merges errors the
/// same way), and transports map it to HTTP 400, WebSocket close 1007 or gRPC INVALID_ARGUMENT.
/// </summary>
public sealed class ValidationException : ServiceError
{
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base(errors.Count > 0 ? errors[0].Name : "invalid", string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>A payload or message that could not be decoded at all (Goa's decode_payload).</summary>
    public ValidationException(string detail, Exception? innerException = null)
        : base("decode_payload", detail, innerException: innerException)
    {
        Errors = [new ValidationError("decode_payload", "body", detail)];
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
