namespace StreamGen.Naming;

/// <summary>The language a scope's names are written in, which decides what a valid name is.</summary>
public enum IdentifierSyntax
{
    /// <summary>A C# identifier that is not a keyword.</summary>
    CSharp,

    /// <summary>A protobuf identifier: ASCII letters, digits and underscores, not starting with a digit.</summary>
    Proto,

    /// <summary>A file or folder name under gen/.</summary>
    Path,

    /// <summary>A command or option of a command line (<c>subscribe</c>, <c>--topic</c>): no whitespace.</summary>
    CommandLine,

    /// <summary>A key of the OpenAPI and AsyncAPI documents (a component, channel, operation or message): ASCII letters, digits, '.', '-' and '_'.</summary>
    DocumentKey,

    /// <summary>A TypeScript binding name (a type, class or const): an IdentifierName that is no reserved word.</summary>
    TypeScript,

    /// <summary>A TypeScript class member: any IdentifierName, reserved words included (<c>client.delete()</c>).</summary>
    TypeScriptMember,
}
