namespace StreamGen.Generation;

/// <summary>The user files a run may create (each only when absent): the project file, Program.cs, one stub per service.</summary>
[Flags]
public enum ScaffoldKinds
{
    None = 0,
    Project = 1,
    Program = 2,
    Service = 4,
    All = Project | Program | Service,
}
