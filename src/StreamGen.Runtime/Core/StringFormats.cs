namespace StreamGen.Runtime;

using global::System;
using global::System.Globalization;
using global::System.Net;
using global::System.Net.Mail;
using global::System.Net.NetworkInformation;
using global::System.Net.Sockets;
using global::System.Text.Json;
using global::System.Text.RegularExpressions;

/// <summary>Format checks, with the framework's own parsers where it has one.</summary>
public static class StringFormats
{
    public static string Name(StringFormat format) => format switch
    {
        StringFormat.Date => "date",
        StringFormat.DateTime => "date-time",
        StringFormat.Uuid => "uuid",
        StringFormat.Email => "email",
        StringFormat.Hostname => "hostname",
        StringFormat.Ipv4 => "ipv4",
        StringFormat.Ipv6 => "ipv6",
        StringFormat.Ip => "ip",
        StringFormat.Uri => "uri",
        StringFormat.Mac => "mac",
        StringFormat.Cidr => "cidr",
        StringFormat.Regexp => "regexp",
        StringFormat.Json => "json",
        _ => "rfc1123",
    };

    public static bool IsValid(StringFormat format, string value) => format switch
    {
        StringFormat.Date => value.Length == 10 && IsFullDate(value),
        StringFormat.DateTime => IsRfc3339(value),
        StringFormat.Uuid => Guid.TryParseExact(value, "D", out _),
        StringFormat.Email => MailAddress.TryCreate(value, out var address) && address.Address == value,
        StringFormat.Hostname => value.Length <= 253 && Uri.CheckHostName(value) == UriHostNameType.Dns,
        StringFormat.Ipv4 => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && value.Split('.').Length == 4,
        StringFormat.Ipv6 => IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
        StringFormat.Ip => IsValid(StringFormat.Ipv4, value) || IsValid(StringFormat.Ipv6, value),
        StringFormat.Uri => Uri.TryCreate(value, UriKind.Absolute, out _),
        StringFormat.Mac => PhysicalAddress.TryParse(value, out var mac) && mac.GetAddressBytes().Length is 6 or 8 or 20,
        StringFormat.Cidr => IPNetwork.TryParse(value, out _) && value.Contains('/'),
        StringFormat.Regexp => IsRegex(value),
        StringFormat.Json => IsJson(value),
        _ => DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
    };

    /// <summary>
    /// RFC 3339 date-time (Go's time.RFC3339, as Goa checks it): YYYY-MM-DD, 'T', hh:mm:ss, an optional fraction, then 'Z' or
    /// ±hh:mm. Checked in place, without allocating: it runs on every streamed message that has a date-time attribute.
    /// </summary>
    private static bool IsRfc3339(ReadOnlySpan<char> s)
    {
        if (s.Length < 20 || !IsFullDate(s) || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        if (s[position] == '.')
        {
            var start = ++position;
            while (position < s.Length && char.IsAsciiDigit(s[position]))
            {
                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        var zone = s[position..];
        return zone is "Z" or "z"
            || (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
                && Digits(zone, 1, 2, out var offsetHours) && Digits(zone, 4, 2, out var offsetMinutes) && offsetHours <= 23 && offsetMinutes <= 59);
    }

    /// <summary>RFC 3339 full-date, YYYY-MM-DD, a day that exists, in the first ten characters.</summary>
    private static bool IsFullDate(ReadOnlySpan<char> s) =>
        s[4] == '-' && s[7] == '-' && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
        && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
