namespace StreamGen.Runtime;

/// <summary>The string formats of the design format (Goa's Format).</summary>
public enum StringFormat
{
    Date,
    DateTime,
    Uuid,
    Email,
    Hostname,
    Ipv4,
    Ipv6,
    Ip,
    Uri,
    Mac,
    Cidr,
    Regexp,
    Json,
    Rfc1123,
}
