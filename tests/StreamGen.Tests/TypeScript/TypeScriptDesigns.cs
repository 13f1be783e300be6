namespace StreamGen.Tests.TypeScript;

/// <summary>A design whose names meet TypeScript: its reserved words, the globals and runtime names the module uses, __proto__.</summary>
internal static class TypeScriptDesigns
{
    public const string Hostile = """
        api: { name: streamgen }
        types:
          Promise:
            attributes:
              class: { type: String, field: 1, enum: [a, b] }
              delete: { type: Int, field: 2, minimum: 0 }
              constructor: { type: String, field: 3 }
              __proto__: { type: String, field: 4 }
              größe: { type: Float64, field: 5, default: 1.5 }
              response: { type: "MapOf(Int32, Response)", field: 6 }
            required: [class, __proto__]
          Response:
            attributes:
              transport: { type: Boolean, field: 1 }
              next: { type: Promise, field: 2 }
          Transport:
            attributes: { value: { type: Bytes, field: 1, maxLength: 8 } }
          ServiceError:
            attributes: { value: { type: Any, field: 1 } }
        resultTypes:
          Record:
            attributes:
              id: { type: String, field: 1 }
              default: { type: String, field: 2 }
            required: [id, default]
            views:
              default: [id, default]
              class: [id]
        services:
          streamgen:
            errors:
              transport: { description: "A comment that ends */ early" }
              service_error: { description: Named like the runtime's class }
            methods:
              delete:
                payload: Promise
                result: Record
                http: { POST: /promises }
              constructor:
                payload: { attributes: { class: { type: String, field: 1 } }, required: [class] }
                streamingResult: { type: Record, view: class }
                http: { GET: "/records/{class}" }
              toString:
                streamingPayload: Transport
                streamingResult: Record
                http: { GET: /both }
              errors:
                streamingPayload: ServiceError
                result: Response
                http: { GET: /errors }
        """;

    /// <summary>Client interceptors on every part the TypeScript client intercepts: payload, unary result, streamed messages both ways.</summary>
    public const string Intercepted = """
        api:
          name: intercepted
          interceptors:
            around: { description: Runs around every call }
            stamp: { readPayload: [id], writePayload: [note], readResult: [count] }
            per_message: { writeStreamingPayload: [text], readStreamingResult: [n, text] }
        services:
          intercepted:
            clientInterceptors: [around]
            methods:
              echo:
                clientInterceptors: [stamp]
                payload: { attributes: { id: { type: String }, note: { type: String } }, required: [id] }
                result: { attributes: { count: { type: Int32 } }, required: [count] }
                http: { POST: /echo }
              chat:
                clientInterceptors: [per_message]
                payload: { attributes: { id: { type: String }, note: { type: String } }, required: [id] }
                streamingPayload: { attributes: { text: { type: String } } }
                streamingResult: { attributes: { n: { type: Int32 }, text: { type: String } }, required: [n] }
                http: { GET: /chat, params: [id, note] }
        """;
}
