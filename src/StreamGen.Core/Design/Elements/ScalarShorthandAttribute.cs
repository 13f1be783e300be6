namespace StreamGen.Design;

/// <summary>
/// The element may also be written as a single scalar that sets one of its keys:
/// <c>payload: LogEntry</c> means <c>payload: { type: LogEntry }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScalarShorthandAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
