namespace StreamGen.Naming;

/// <summary>
/// The one registry of every identifier the generator emits: a scope per place a name must be unique (the API
/// namespace, each record's members, each method's locals, the protobuf package, each message, the gen/ folders),
/// each holding its names and who took them. Filled by the model's name pass; read by tests and diagnostics.
/// </summary>
public sealed class NameRegistry
{
    private readonly List<NameScope> _scopes = [];

    public IReadOnlyList<NameScope> Scopes => _scopes;

    public NameScope Add(string description, IdentifierSyntax syntax, NameScope? parent = null, bool ignoreCase = false)
    {
        var scope = new NameScope(description, syntax, parent, ignoreCase);
        _scopes.Add(scope);
        return scope;
    }
}
