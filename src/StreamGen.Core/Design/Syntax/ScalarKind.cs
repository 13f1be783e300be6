namespace StreamGen.Design.Syntax;

/// <summary>The resolved kind of a scalar: YAML 1.2 core schema for plain YAML scalars, the token type for JSON.</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
