namespace StreamGen.Runtime;

using global::System;
using global::System.Text;

/// <summary>Parses the credentials of <c>Authorization</c> values, for the authentication handlers and for payload credential attributes.</summary>
public static class Credentials
{
    /// <summary>The token of <c>Bearer &lt;token&gt;</c>, or null.</summary>
    public static string? Bearer(string? authorization) =>
        authorization is { Length: > 7 } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;

    /// <summary>The username and password of <c>Basic &lt;base64(user:password)&gt;</c>, or null when it is not one.</summary>
    public static (string Username, string Password)? Basic(string? authorization) =>
        authorization is { Length: > 6 } value && value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? ParseBasic(value[6..].Trim()) : null;

    /// <summary>Decodes the base64 <c>user:password</c> of a Basic header (UTF-8), or null when it is malformed.</summary>
    public static (string Username, string Password)? ParseBasic(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        var bytes = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }
}
