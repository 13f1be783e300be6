namespace StreamGen.Generation;

/// <summary>
/// The user files a run may create (each only when absent): the project file, Program.cs, and the stubs you implement
/// (<see cref="Service"/>: one per service, and one authentication handler per apiKey or basic security scheme).
/// </summary>
[Flags]
public enum ScaffoldKinds
{
    None = 0,
    Project = 1,
    Program = 2,
    Service = 4,
    All = Project | Program | Service,
}
