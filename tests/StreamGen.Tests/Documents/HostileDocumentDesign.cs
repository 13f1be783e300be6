namespace StreamGen.Tests.Documents;

/// <summary>
/// A design whose documents are hard to write: text that YAML must quote or fold, values JSON cannot hold (a NaN default),
/// the extremes of the integer types, every collection shape and literal kind, a C# keyword and a non-ASCII name as keys,
/// views whose names are not identifiers in PascalCase, and a stream of every shape.
/// </summary>
internal static class HostileDocumentDesign
{
    public const string Text = """
        api:
          name: hostile
          title: "Hostile: # docs 'test' \"quoted\""
          description: |
            First line: with colon
              indented second line
            - a dash line
            # a hash line
          version: "2.0-beta"
        types:
          Measure:
            description: "  leading spaces and trailing  "
            attributes:
              ratio:  { type: Float64, default: .nan }
              big:    { type: UInt64, default: 18446744073709551615 }
              neg:    { type: Int64, minimum: -9223372036854775808, example: -5 }
              codes:  { type: "MapOf(Int64, ArrayOf(String))", default: { 1: [a, b] }, minItems: 1, maxItems: 3 }
              flags:  { type: "MapOf(Boolean, Int)" }
              blob:   { type: Bytes, minLength: 1, maxLength: 10, default: "AAEC" }
              grid:   { type: "ArrayOf(ArrayOf(Int32))", maxItems: 4 }
              anyv:   { type: Any, default: { x: [1, "two", null] }, example: 42, description: "Any: value" }
              level:  { type: Int32, enum: [1, 2, 3], default: 2 }
              when:   { type: String, format: rfc1123 }
              re:     { type: String, format: regexp, pattern: "^[a-z]+\\d*$" }
            required: [ratio]
        resultTypes:
          Reading:
            attributes:
              id: { type: String }
              value: { type: Float32 }
              note: { type: String }
            required: [id, value]
            views:
              default: [id, value, note]
              short: [id]
              long_view: [id, value, note]
        services:
          class:
            description: "Service with keyword name"
            http: { path: / }
            errors:
              boom: { description: "It: failed", fault: true }
              slow: { timeout: true }
            methods:
              measure:
                payload: Measure
                result: Measure
                http: { POST: /measure, errors: { boom: 409 } }
              readings:
                payload:
                  attributes:
                    ids: { type: "ArrayOf(String)", minItems: 1 }
                    tags: { type: "ArrayOf(Int32)" }
                    view: { type: String, enum: [default, short, long_view] }
                  required: [ids]
                streamingResult: Reading
                http: { GET: /readings, params: [ids, view], headers: { tags: X-Tags } }
              feed:
                payload: { attributes: { room: { type: String, enum: [a, b], default: a, example: b } } }
                streamingResult: { type: Reading, view: short }
                http: { GET: "/feed/{room}", serverSentEvents: { id: id } }
              push:
                streamingPayload: "ArrayOf(Measure)"
                result: "MapOf(String, Reading)"
                http: { GET: /push }
              chat:
                payload: { attributes: { größe: { type: Int, minimum: 1 } }, required: [größe] }
                streamingPayload: Any
                streamingResult: "ArrayOf(Reading)"
                http: { GET: /chat, params: [größe] }
              nothing:
                http: { DELETE: /nothing }
        """;
}
