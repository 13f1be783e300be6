using System.Text;

namespace StreamGen.Naming;

/// <summary>
/// Keys of the OpenAPI and AsyncAPI documents: component, channel, operation and message keys, which both specifications
/// restrict to <c>^[a-zA-Z0-9._-]+$</c>, and operation ids, which lint rules want URL-safe.
/// </summary>
public static class DocumentNaming
{
    public static bool IsKey(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>
    /// A key for a design name: its ASCII spelling (<c>größe</c> → <c>grosse</c>), with any character a key cannot carry
    /// replaced by '_' (design names are identifiers, so only letters of other scripts are).
    /// </summary>
    public static string ToKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            key.Append(LatinFolding.ToAscii(c.ToString()) is { } ascii && IsKey(ascii) ? ascii : "_");
        }

        return key.Length == 0 ? "_" : key.ToString();
    }
}
