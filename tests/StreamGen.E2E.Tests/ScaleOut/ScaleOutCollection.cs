namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>
/// The scale-out tests run one after another: each starts a redis-server and up to three logger processes, which on a
/// small machine is load enough (and fewer processes picking free ports at once).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection
{
    public const string Name = "ScaleOut";
}
