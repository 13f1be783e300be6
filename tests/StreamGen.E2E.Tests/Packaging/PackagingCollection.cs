namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// Packing and building take both cores for a minute: they run alone, after the other tests, so tests with timing
/// deadlines (pong deadlines, keep-alives) are not starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection
{
    public const string Name = "Packaging";
}
