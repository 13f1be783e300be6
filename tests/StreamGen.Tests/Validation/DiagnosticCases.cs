namespace StreamGen.Tests.Validation;

/// <summary>
/// One small design per diagnostic code, each with the single error it must produce and where: the design's own
/// positions (line, column of the offending key or value), counted as an editor counts them.
/// </summary>
public static class DiagnosticCases
{
    private const string Service = """
        api: { name: demo }
        services:
          demo:
            methods:

        """;

    public static TheoryData<string, string, int, int, string?> All { get; } = new()
    {
        {
            "SG1000", """
            api: { name: demo
            services: {}
            """, 1, 6, null
        },
        {
            "SG1001", Service + """
                  ping:
                    pyload: String
            """, 6, 9, "did you mean 'payload'?"
        },
        {
            "SG1002", Service + """
                  ping:
                    description: [not, text]
            """, 6, 22, null
        },
        {
            "SG1002", """
            api: { name: demo, runtime: sources }
            services: {}
            """, 1, 29, "did you mean 'source'?"
        },
        {
            "SG1003", """
            api: { title: Demo }
            services: {}
            """, 1, 6, null
        },
        {
            "SG1004", Service + """
                  ping:
                    payload:
                      attributes:
                        id: { type: String }
                        id: { type: Int }
            """, 9, 13, null
        },
        {
            "SG1005", Service + """
                  ping:
                    payload:
                      attributes:
                        my-id: { type: String }
            """, 8, 13, null
        },
        {
            "SG1006", "", 1, 1, null
        },
        {
            "SG1007", Service + """
                  ping:
                    payload:
                      attributes:
                        user_id: { type: String }
                        userId: { type: String }
            """, 9, 13, null
        },
        {
            // Views are one enum's members: id_only and idOnly would both be IdOnly.
            "SG1007", """
            api: { name: demo }
            resultTypes:
              Item:
                attributes: { id: { type: String } }
                views:
                  default: [id]
                  id_only: [id]
                  idOnly: [id]
            services: { demo: { methods: { get: { result: Item } } } }
            """, 8, 7, null
        },
        {
            // A service's errors are one class of factories.
            "SG1007", Service + """
                  ping:
                    errors:
                      not_found: {}
                      notFound: {}
            """, 8, 11, null
        },
        {
            // ... whichever of its methods declares them.
            "SG1007", Service + """
                  ping:
                    errors: { not_found: {} }
                  pong:
                    errors: { notFound: {} }
            """, 8, 19, null
        },
        {
            "SG1008", """
            api: { name: demo }
            types:
              DemoService: { attributes: { id: { type: String } } }
            services: { demo: { methods: { ping: { payload: DemoService } } } }
            """, 3, 3, "rename one of them"
        },
        {
            // A namespace named like a type the generated code uses would hide it (here System.Threading.Tasks.Task).
            "SG1005", """
            api: { name: demo, namespace: Acme.Task }
            services: { demo: { methods: { ping: { payload: String } } } }
            """, 1, 31, null
        },
        {
            "SG2001", Service + """
                  ping:
                    payload: "ArrayOf("
            """, 6, 18, null
        },
        {
            "SG2002", Service + """
                  ping:
                    payload:
                      attributes:
                        id: { type: Strin }
            """, 8, 25, "did you mean 'String'?"
        },
        {
            "SG2003", """
            api: { name: demo }
            types:
              Node:
                attributes:
                  next: { type: Node }
                required: [next]
            services: { demo: { methods: {} } }
            """, 5, 21, null
        },
        {
            "SG2004", Service + """
                  ping:
                    payload:
                      attributes:
                        id: { type: String }
                      required: [idd]
            """, 9, 22, "did you mean 'id'?"
        },
        {
            "SG2005", Service + """
                  ping:
                    payload:
                      attributes:
                        count: { type: Int, maxLength: 3 }
            """, 8, 33, null
        },
        {
            "SG2006", Service + """
                  ping:
                    payload:
                      attributes:
                        count: { type: Int, default: many }
            """, 8, 42, null
        },
        {
            "SG2007", Service + """
                  ping:
                    payload:
                      attributes:
                        mail: { type: String, format: emial }
            """, 8, 43, "did you mean 'email'?"
        },
        {
            "SG2008", Service + """
                  ping:
                    payload:
                      attributes:
                        code: { type: String, pattern: "([" }
            """, 8, 44, null
        },
        {
            "SG2009", Service + """
                  ping:
                    payload:
                      attributes:
                        count: { type: Int, minimum: 5, maximum: 1 }
            """, 8, 42, null
        },
        {
            "SG2010", Service + """
                  ping:
                    payload:
                      attributes:
                        scores: { type: "MapOf(Float64, String)" }
            """, 8, 29, null
        },
        {
            "SG2011", Service + """
                  ping:
                    payload:
                      attributes:
                        level: { type: String, enum: [low, high], default: mid }
            """, 8, 64, null
        },
        {
            "SG2012", """
            api: { name: demo }
            types:
              Entry: { attributes: { id: { type: String } } }
            resultTypes:
              Entry: { attributes: { id: { type: String } } }
            services: { demo: { methods: {} } }
            """, 5, 3, null
        },
        {
            "SG2013", Service + """
                  ping:
                    payload:
                      attributes:
                        id: { description: no type here }
            """, 8, 17, null
        },
        {
            "SG2014", """
            api: { name: demo }
            types:
              String: { attributes: { id: { type: Int } } }
            services: { demo: { methods: {} } }
            """, 3, 3, null
        },
        {
            "SG3001", Service + """
                  ping:
                    result: String
                    streamingResult: String
            """, 7, 9, null
        },
        {
            "SG3002", """
            api: { name: demo }
            resultTypes:
              Record:
                attributes: { id: { type: String }, name: { type: String } }
                views: { default: [id, nme] }
            services: { demo: { methods: {} } }
            """, 5, 28, "did you mean 'name'?"
        },
        {
            "SG3003", """
            api: { name: demo }
            resultTypes:
              Record:
                attributes: { id: { type: String } }
                views: { default: [id], tiny: [id] }
            services:
              demo:
                methods:
                  list:
                    result: { type: Record, view: tny }
            """, 10, 39, "did you mean 'tiny'?"
        },
        {
            "SG3004", Service + """
                  ping:
                    result: { type: String, view: tiny }
            """, 6, 39, null
        },
        {
            "SG3005", """
            api: { name: demo }
            services:
              demo:
                errors: { not_found: {} }
                methods:
                  ping:
                    http: { GET: /ping, errors: { not_fund: 404 } }
            """, 7, 39, "did you mean 'not_found'?"
        },
        {
            "SG3006", """
            api: { name: demo }
            resultTypes:
              Record:
                attributes: { id: { type: String } }
                views: { default: [id], tiny: [] }
            services: { demo: { methods: {} } }
            """, 5, 29, null
        },
        {
            "SG3007", """
            api: { name: demo }
            resultTypes:
              Record:
                attributes: { id: { type: String } }
                views: { tiny: [id] }
            services: { demo: { methods: {} } }
            """, 5, 5, null
        },
        {
            "SG4001", Service + """
                  ping:
                    payload: { attributes: { id: { type: String } } }
                    http: { GET: "/ping/{idd}", params: [id] }
            """, 7, 22, "did you mean 'id'?"
        },
        {
            "SG4002", Service + """
                  watch:
                    streamingResult: String
                    http: { POST: /watch }
            """, 7, 9, null
        },
        {
            "SG4003", Service + """
                  ping:
                    result: String
                    http: { GET: /ping, serverSentEvents: {} }
            """, 7, 29, null
        },
        {
            "SG4004", Service + """
                  upload:
                    streamingPayload: String
                    http: { GET: /upload, skipRequestBodyEncodeDecode: true }
            """, 7, 31, null
        },
        {
            "SG4005", Service + """
                  ping:
                    http: { GET: /ping, POST: /ping }
            """, 6, 9, null
        },
        {
            "SG4006", Service + """
                  ping:
                    payload: { attributes: { id: { type: String } } }
                    http: { GET: "/ping/{id}", params: [idd] }
            """, 7, 45, "did you mean 'id'?"
        },
        {
            "SG4007", Service + """
                  ping:
                    result: { attributes: { count: { type: Int } } }
                    http: { GET: /ping, response: { headers: { cnt: X-Count } } }
            """, 7, 52, "did you mean 'count'?"
        },
        {
            "SG4008", Service + """
                  ping:
                    http: { GET: /ping, response: { status: 999 } }
            """, 6, 49, null
        },
        {
            "SG4009", Service + """
                  ping:
                    http: { GET: /ping }
                  pong:
                    http: { GET: /ping }
            """, 8, 22, null
        },
        {
            "SG4010", Service + """
                  ping:
                    http: { GET: ping }
            """, 6, 22, null
        },
        {
            "SG4011", Service + """
                  ping:
                    payload: { attributes: { id: { type: String }, name: { type: String } } }
                    http: { GET: "/ping/{id}" }
            """, 6, 56, "add 'name' to the path, 'params' or 'headers'"
        },
        {
            "SG4012", Service + """
                  ping:
                    payload: { attributes: { ids: { type: "ArrayOf(String)" } } }
                    http: { GET: "/ping/{ids}" }
            """, 7, 22, null
        },
        {
            "SG4013", Service + """
                  ping:
                    payload: { attributes: { id: { type: String } } }
                    http: { GET: "/ping/{id}", params: [id] }
            """, 7, 45, null
        },
        {
            "SG4014", Service + """
                  events:
                    streamingResult: { attributes: { id: { type: Boolean } } }
                    http: { GET: /events, serverSentEvents: { id: id } }
            """, 7, 55, null
        },
        {
            "SG4015", Service + """
                  ping:
                    http: { GET: /ping, skipRequestBodyEncodeDecode: true }
            """, 6, 29, null
        },
        {
            // A raw response's result travels in response headers only: the attribute not mapped to one is the error.
            "SG4015", Service + """
                  download:
                    result: { attributes: { length: { type: Int64 }, name: { type: String } } }
                    http: { GET: /download, skipResponseBodyEncodeDecode: true, response: { headers: { length: Content-Length } } }
            """, 6, 58, null
        },
        {
            "SG4016", Service + """
                  ping:
                    payload: String
                    http: { GET: "/ping/{id}" }
            """, 7, 9, null
        },
        {
            "SG4017", Service + """
                  spec:
                    result: String
                    http: { GET: /openapi.json }
            """, 7, 22, "change the route, or generate with --no-docs"
        },
        {
            "SG4018", Service + """
                  ping:
                    http: { GET: /ping, jsonLines: true }
            """, 6, 29, null
        },
        {
            // An SSE route answers NDJSON by Accept already.
            "SG4019", Service + """
                  events:
                    streamingResult: String
                    http: { GET: /events, serverSentEvents: {}, jsonLines: true }
            """, 7, 53, null
        },
        {
            // Full duplex over one HTTP/1.1 request: refused, with the reason, at the key.
            "SG4018", Service + """
                  chat:
                    streamingPayload: String
                    streamingResult: String
                    http: { POST: /chat, jsonLines: true }
            """, 8, 30, null
        },
        {
            // A client stream over JSON Lines is a request body, which a GET does not carry.
            "SG4020", Service + """
                  upload:
                    streamingPayload: String
                    http: { GET: /upload, jsonLines: true }
            """, 7, 22, null
        },
        {
            "SG5001", Service + """
                  ping:
                    payload: { attributes: { id: { type: String } } }
                    grpc: {}
            """, 6, 34, null
        },
        {
            "SG5002", Service + """
                  ping:
                    payload: { attributes: { id: { type: String, field: 1 }, name: { type: String, field: 1 } } }
                    grpc: {}
            """, 6, 95, null
        },
        {
            "SG5003", Service + """
                  ping:
                    payload: { attributes: { id: { type: String, field: 19500 } } }
                    grpc: {}
            """, 6, 61, null
        },
        {
            "SG5004", Service + """
                  ping:
                    errors: { busy: {} }
                    grpc: { errors: { busy: UNAVAILABEL } }
            """, 7, 33, "did you mean 'UNAVAILABLE'?"
        },
        {
            "SG5005", Service + """
                  ping:
                    payload: { attributes: { grid: { type: "ArrayOf(ArrayOf(Int))", field: 1 } } }
                    grpc: {}
            """, 6, 48, null
        },
        {
            "SG5006", Service + """
                  upload:
                    payload: { attributes: { tags: { type: "ArrayOf(String)" } } }
                    streamingPayload: String
                    grpc: {}
            """, 6, 34, null
        },
        {
            // Both are the protobuf field http_code.
            "SG5007", Service + """
                  ping:
                    payload:
                      attributes:
                        HTTPCode: { type: Int, field: 1 }
                        http_code: { type: Int, field: 2 }
                    grpc: {}
            """, 9, 13, null
        },
        {
            // protoc's C# gives the optional foo a HasFoo, which is has_foo's property.
            "SG5007", Service + """
                  ping:
                    payload:
                      attributes:
                        foo: { type: String, field: 1 }
                        has_foo: { type: String, field: 2 }
                    grpc: {}
            """, 9, 13, null
        },
        {
            "SG5008", Service + """
                  日本: { payload: String, grpc: {} }
            """, 5, 7, null
        },
        {
            // protoc's gRPC plugin writes a class Descriptor with a static property Descriptor.
            "SG5009", """
            api: { name: demo }
            services:
              descriptor:
                methods:
                  ping: { payload: String, grpc: {} }
            """, 3, 3, null
        },
        {
            // ...and a nested class DemoClient with a method per RPC.
            "SG5009", Service + """
                  demo_client: { payload: String, grpc: {} }
            """, 5, 7, null
        },
        {
            "SG1002", """
            api:
              name: demo
              security:
                key: { kind: apikey }
            services: {}
            """, 4, 18, "did you mean 'apiKey'?"
        },
        {
            "SG6001", Secured + """
                  ping:
                    security: [jwd]
            """, 13, 20, "did you mean 'jwt'?"
        },
        {
            "SG6002", Secured + """
                  ping:
                    security:
                      - { schemes: [jwt], scopes: ["api:raed"] }
            """, 14, 40, "did you mean 'api:read'?"
        },
        {
            "SG6003", """
            api:
              name: demo
              security:
                jwt: { kind: jwt, realm: api }
            services: {}
            """, 4, 23, null
        },
        {
            "SG6004", """
            api:
              name: demo
              security:
                auth: { kind: oauth2, flows: { password: { refreshUrl: "https://x/r" } }, scopes: { a: b } }
            services: {}
            """, 4, 46, null
        },
        {
            "SG6005", Secured + """
                  ping:
                    security:
                      - { scopes: ["api:read"] }
            """, 14, 13, null
        },
        {
            "SG6006", Secured + """
                  ping:
                    security:
                      - { schemes: [key, key] }
            """, 14, 30, null
        },
        {
            "SG6007", Secured + """
                  ping:
                    security:
                      - { schemes: [jwt, basic] }
            """, 14, 13, null
        },
        {
            // A credential attribute names an undeclared scheme.
            "SG6001", Secured + """
                  ping:
                    security: [jwt]
                    payload: { attributes: { token: { type: String, credential: jtw } } }
            """, 14, 69, "did you mean 'jwt'?"
        },
        {
            "SG6008", Secured + """
                  ping:
                    security: [jwt]
                    result: { attributes: { token: { type: String, credential: jwt } } }
            """, 14, 56, null
        },
        {
            "SG6009", Secured + """
                  ping:
                    security: [jwt]
                    payload: { attributes: { k: { type: String, credential: key } } }
            """, 14, 65, null
        },
        {
            "SG6010", Secured + """
                  ping:
                    security: [jwt]
                    payload: { attributes: { token: { type: Int, credential: jwt } } }
            """, 14, 49, null
        },
        {
            "SG6011", Secured + """
                  ping:
                    security: [jwt]
                    payload:
                      attributes:
                        a: { type: String, credential: jwt }
                        b: { type: String, credential: jwt }
            """, 17, 32, null
        },
        {
            "SG6012", Secured + """
                  ping:
                    security: [basic]
                    payload: { attributes: { user: { type: String, credential: { scheme: basic, part: username } } } }
            """, 14, 56, null
        },
        {
            "SG6013", Secured + """
                  ping:
                    security: [jwt]
                    payload: { attributes: { token: { type: String, credential: jwt } } }
                    http: { GET: /ping, params: [token] }
            """, 15, 38, null
        },
        {
            "SG6014", Secured + """
                  ping:
                    security: [jwt, key]
                    payload:
                      attributes:
                        token: { type: String, credential: jwt }
                      required: [token]
            """, 16, 13, null
        },
        {
            "SG7001", Intercepted + """
                  ping:
                    serverInterceptors: [audti]
                    payload: { attributes: { id: { type: String } } }
            """, 10, 30, "did you mean 'audit'?"
        },
        {
            "SG7002", Intercepted + """
                  ping:
                    serverInterceptors: [audit, audit]
                    payload: { attributes: { id: { type: String } } }
                    result: { attributes: { at: { type: String } } }
            """, 10, 30, null
        },
        {
            "SG7003", Intercepted + """
                  ping:
                    serverInterceptors: [trace]
                    result: { attributes: { traceId: { type: String } } }
            """, 10, 30, null
        },
        {
            "SG7004", Intercepted + """
                  ping:
                    clientInterceptors: [audit]
                    payload: { attributes: { idd: { type: String } } }
                    result: { attributes: { at: { type: String } } }
            """, 10, 30, "did you mean 'idd'?"
        },
        {
            "SG7005", Intercepted + """
                  ping:
                    serverInterceptors: [audit]
                    payload: { attributes: { id: { type: String } } }
                    result: { attributes: { at: { type: String } } }
                  pong:
                    serverInterceptors: [audit]
                    payload: { attributes: { id: { type: Int32 } } }
                    result: { attributes: { at: { type: String } } }
            """, 14, 30, null
        },
        {
            "SG7006", """
            api:
              name: demo
              interceptors:
                audit: { readPayload: [id, id], writeResult: [at] }
                trace: { writeStreamingResult: [traceId] }
            services:
              demo:
                methods:
                  ping:
                    serverInterceptors: [audit]
                    payload: { attributes: { id: { type: String } } }
                    result: { attributes: { at: { type: String } } }
            """, 4, 32, null
        },
    };

    private const string Intercepted = """
        api:
          name: demo
          interceptors:
            audit: { readPayload: [id], writeResult: [at] }
            trace: { writeStreamingResult: [traceId] }
        services:
          demo:
            methods:

        """;

    private const string Secured = """
        api:
          name: demo
          security:
            jwt: { kind: jwt, scopes: { "api:read": Read } }
            key: { kind: apiKey }
            basic: { kind: basic }
        services:
          demo:
            methods:
              open:
                security: []

        """;
}
