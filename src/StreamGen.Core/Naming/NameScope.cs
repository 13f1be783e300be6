using System.Globalization;

namespace StreamGen.Naming;

/// <summary>
/// One scope of emitted identifiers (a namespace's types, a class's members, a method's locals, a protobuf package or
/// message, a folder), with who holds each name. Names of an enclosing scope count as taken (a record's members are
/// taken in its methods' locals). Hands out names deterministically: the first taker keeps a name, a later one gets
/// its fallbacks in order, then the last of them numbered from 2, as Goa's NameScope does.
/// </summary>
public sealed class NameScope
{
    private readonly Dictionary<string, NameOwner> _names;
    private readonly List<string> _order = [];

    public NameScope(string description, IdentifierSyntax syntax, NameScope? parent = null, bool ignoreCase = false)
    {
        Description = description;
        Syntax = syntax;
        Parent = parent;
        _names = new Dictionary<string, NameOwner>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    /// <summary>What the scope is, for messages and tests: <c>members of record LogEntry</c>.</summary>
    public string Description { get; }

    public IdentifierSyntax Syntax { get; }

    public NameScope? Parent { get; }

    /// <summary>Every name of this scope (not its parent's), in the order it was taken.</summary>
    public IEnumerable<(string Name, NameOwner Owner)> Names => _order.Select(n => (n, _names[n]));

    public NameOwner? OwnerOf(string name) => _names.TryGetValue(name, out var owner) ? owner : Parent?.OwnerOf(name);

    public bool IsTaken(string name) => OwnerOf(name) is not null;

    /// <summary>This scope (not its parent) holds <paramref name="name"/> spelled exactly so, not only in another case.</summary>
    public bool HoldsExactly(string name) => _names.ContainsKey(name) && _order.Contains(name, StringComparer.Ordinal);

    /// <summary>Names fixed by something outside the design (C#, the runtime, protoc): taken before any design name.</summary>
    public void Reserve(IEnumerable<string> names, NameOwner owner)
    {
        foreach (var name in names)
        {
            if (!IsTaken(name))
            {
                Add(name, owner);
            }
        }
    }

    /// <summary>Takes exactly <paramref name="name"/>, or reports who holds it already.</summary>
    public bool TryClaim(string name, NameOwner owner, out NameOwner? holder)
    {
        holder = OwnerOf(name);
        if (holder is not null)
        {
            return false;
        }

        Add(name, owner);
        return true;
    }

    /// <summary>The first free name of <paramref name="preferred"/> and <paramref name="fallbacks"/>, else the last of them numbered.</summary>
    public string Allocate(NameOwner owner, string preferred, params string[] fallbacks)
    {
        foreach (var candidate in fallbacks.Prepend(preferred))
        {
            if (!IsTaken(candidate))
            {
                Add(candidate, owner);
                return candidate;
            }
        }

        var stem = fallbacks.Length > 0 ? fallbacks[^1] : preferred;
        for (var i = 2; ; i++)
        {
            var candidate = stem + i.ToString(CultureInfo.InvariantCulture);
            if (!IsTaken(candidate))
            {
                Add(candidate, owner);
                return candidate;
            }
        }
    }

    private void Add(string name, NameOwner owner)
    {
        // A name the language cannot carry is a bug in the name pass, not a user's mistake: fail loudly.
        if (!IsValid(name))
        {
            throw new InvalidOperationException($"'{name}' is not a valid {Syntax} name in {Description} (taken by {owner}).");
        }

        _names.Add(name, owner);
        _order.Add(name);
    }

    private bool IsValid(string name) => Syntax switch
    {
        IdentifierSyntax.CSharp => CSharpNaming.IsIdentifier(name),
        IdentifierSyntax.Proto => ProtoNaming.IsIdentifier(name),
        IdentifierSyntax.DocumentKey => DocumentNaming.IsKey(name),
        IdentifierSyntax.TypeScript => TypeScriptNaming.IsBindingName(name),
        IdentifierSyntax.TypeScriptMember => TypeScriptNaming.IsIdentifierName(name),
        IdentifierSyntax.CommandLine => name.Length > 0 && !name.Any(char.IsWhiteSpace),
        _ => name.Length > 0 && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0,
    };
}
