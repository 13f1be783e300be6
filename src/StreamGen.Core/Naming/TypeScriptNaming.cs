using System.Globalization;

namespace StreamGen.Naming;

/// <summary>
/// How names meet TypeScript: which identifiers it accepts (ECMAScript's IdentifierName, with reserved words allowed as
/// member names only), and the names the generated module and its runtime take before any design name.
/// </summary>
public static class TypeScriptNaming
{
    /// <summary>ECMAScript's reserved words and TypeScript's own: never a binding name (a type, class or const).</summary>
    public static IReadOnlySet<string> ReservedWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch",
        "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements", "interface",
        "package", "private", "protected", "public", "arguments", "eval",

        // TypeScript's predefined type names, which a type may not take.
        "any", "unknown", "never", "string", "number", "boolean", "symbol", "object", "bigint", "undefined", "type", "keyof", "infer",
        "is", "asserts", "readonly", "unique", "declare", "namespace", "module", "abstract", "as", "satisfies", "accessor", "out",
    };

    /// <summary>
    /// Global names the generated module or its runtime refer to, or that a reader would take for the global (ECMAScript's,
    /// TypeScript's utility types, the web platform's): a module-level declaration of one would hide it.
    /// </summary>
    public static IReadOnlySet<string> GlobalNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AbortController", "AbortSignal", "Array", "ArrayBuffer", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Awaited", "BigInt",
        "BodyInit", "Blob", "Boolean", "CloseEvent", "DataView", "Date", "DOMException", "Error", "Event", "EventTarget", "Exclude", "Extract",
        "FormData", "Function", "Headers", "Infinity", "Iterable", "Iterator", "JSON", "Map", "Math", "MessageEvent", "NaN", "NonNullable",
        "Number", "Object", "Omit", "Parameters", "Partial", "Pick", "Promise", "PromiseLike", "Proxy", "RangeError", "Readonly",
        "ReadonlyArray", "ReadableStream", "ReadableStreamDefaultReader", "Record", "Reflect", "RegExp", "Request", "RequestInit", "Required",
        "Response", "ReturnType", "Set", "String", "Symbol", "SyntaxError", "TextDecoder", "TextEncoder", "TypeError", "URL",
        "URLSearchParams", "Uint8Array", "WeakMap", "WeakSet", "WebSocket", "clearTimeout", "console", "decodeURIComponent",
        "encodeURIComponent", "fetch", "globalThis", "setTimeout", "structuredClone",
    };

    /// <summary>
    /// What the runtime (templates/typescript/streamgen.ts.sbn) exports, which the module imports and re-exports: a design
    /// name that took one would hide it. A test reads the runtime's exports and fails when this list misses one.
    /// </summary>
    public static IReadOnlySet<string> RuntimeExports { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AttributeRule", "BidirectionalStream", "CallOptions", "ClientOptions", "ClientResultStream", "ClientStream", "CredentialSource", "Credentials", "ErrorBody",
        "ErrorClasses", "ErrorOrigin", "EventStream", "FieldError", "Format", "InterceptorCallType", "InterceptorInfo", "InterceptorNext",
        "InterceptorStep", "Kind", "LineStream", "LineUpload", "ObjectType", "RequestParts", "SchemeRule", "ServerStream",
        "ServiceError", "StreamClosedError", "Transport", "TypeRule", "ValidationError", "WebSocketFactory", "WebSocketLike",
        "WebSocketStream", "closeError", "copyMessage", "intercept", "interceptStream", "openLines", "openUpload", "pair", "params", "parseParam", "responseError", "validate",
    };

    /// <summary>Members every object has, which a class member must not replace.</summary>
    public static IReadOnlyList<string> ObjectMembers { get; } =
        ["constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__proto__"];

    /// <summary>An IdentifierName: a letter, '$' or '_', then letters, digits, combining marks, connectors, '$'.</summary>
    public static bool IsIdentifierName(string name)
    {
        if (name.Length == 0 || !IsStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsPart(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name a declaration may bind (a type, class, const): an IdentifierName that is no reserved word.</summary>
    public static bool IsBindingName(string name) => IsIdentifierName(name) && !ReservedWords.Contains(name);

    /// <summary>
    /// A property key as written in an object type or literal: bare when it is an IdentifierName, quoted otherwise, and
    /// computed for <c>__proto__</c>, which an object literal would otherwise take for its prototype.
    /// </summary>
    public static string PropertyKey(string name) =>
        name == "__proto__" ? $"[{TypeScriptStrings.Quote(name)}]" : IsIdentifierName(name) ? name : TypeScriptStrings.Quote(name);

    /// <summary>How code reads a property: <c>.name</c>, or <c>["na-me"]</c>.</summary>
    public static string PropertyAccess(string name) => IsIdentifierName(name) ? "." + name : $"[{TypeScriptStrings.Quote(name)}]";

    private static bool IsStart(char c) => c is '$' or '_' || char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsPart(char c) => IsStart(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
