namespace StreamGen.Tests.Names;

/// <summary>
/// Designs whose names meet, in C#, protobuf and the file system, what the generator itself emits: each case of issue #17
/// (and its kind) in the smallest design that shows it. All are valid: each must generate code that compiles.
/// </summary>
internal static class HostileNameDesigns
{
    /// <summary>Attributes named like the members C#, the generator and protoc give records and messages.</summary>
    public const string Members = """
        api: { name: build }
        types:
          Item:
            attributes:
              types: { type: "ArrayOf(String)", field: 1 }
              descriptor: { type: String, field: 2 }
              parser: { type: String, field: 3 }
              writeTo: { type: String, field: 4 }
              mergeFrom: { type: String, field: 5 }
              calculateSize: { type: Int, field: 6 }
              item: { type: String, field: 7 }
              clone: { type: String, field: 8 }
              equals: { type: String, field: 9 }
              onConstruction: { type: String, field: 10 }
              toString: { type: Boolean, field: 11 }
            required: [types, item]
        resultTypes:
          BuildEvent:
            attributes:
              project: { type: String, field: 1 }
              viewName: { type: String, field: 2 }
              clone: { type: String, field: 3 }
              code: { type: String, pattern: "^[A-Z]+$", field: 4 }
              codePattern: { type: String, field: 5 }
              tryParseView: { type: String, field: 6 }
              validateView: { type: String, field: 7 }
              validate: { type: String, field: 8 }
              buildEventView: { type: String, field: 9 }
              printMembers: { type: String, field: 10 }
              equalityContract: { type: String, field: 11 }
              deconstruct: { type: String, field: 12 }
              build_event: { type: String, field: 13 }
            required: [project]
            views:
              default: [project, viewName, clone, code, codePattern, tryParseView, validateView, validate, buildEventView, printMembers, equalityContract, deconstruct, build_event]
              tiny: [project, code]
          Card:
            attributes:
              title: { type: String, field: 1 }
              view:
                field: 2
                attributes: { size: { type: Int, field: 1 } }
            views:
              default: [title, view]
              titled: [title]
        services:
          builds:
            methods:
              watch:
                payload: { attributes: { project: { type: String, field: 1 } }, required: [project] }
                streamingResult: BuildEvent
                http: { GET: "/builds/{project}/events" }
                grpc: {}
              cards:
                streamingResult: Card
                http: { GET: /cards }
                grpc: {}
              get:
                payload: Item
                result: Item
                http: { POST: /items }
                grpc: {}
              wrap:
                payload: { attributes: { inner: { type: Item, field: 1 } } }
                result: Item
                grpc: {}
        """;

    /// <summary>Payload and result attributes named like the parameters and locals of the generated methods.</summary>
    public const string Locals = """
        api: { name: hostile }
        services:
          calls:
            methods:
              unary:
                payload:
                  attributes:
                    cancellationToken: { type: String, field: 1 }
                    stream: { type: String, field: 2 }
                    payload: { type: String, field: 3 }
                    context: { type: String, field: 4 }
                    result: { type: String, field: 5 }
                    errors: { type: String, field: 6 }
                    request: { type: String, field: 7 }
                    response: { type: String, field: 8 }
                    body: { type: String, field: 9 }
                    uri: { type: String, field: 10 }
                    path: { type: String, field: 11 }
                    query: { type: String, field: 12 }
                    value: { type: String, field: 13 }
                    message: { type: String, field: 14 }
                    item: { type: String, field: 15 }
                    entry: { type: String, field: 16 }
                    service: { type: String, field: 17 }
                    failure: { type: String, field: 18 }
                  required: [cancellationToken]
                result:
                  attributes:
                    errors: { type: String, field: 1 }
                    result: { type: String, field: 2 }
                    responseBody: { type: String, field: 3 }
                    headerValue: { type: String, field: 4 }
                    value: { type: String, field: 5 }
                http:
                  POST: "/calls/{cancellationToken}"
                  params: [stream, payload]
                  headers: { context: X-Context, request: X-Request }
                  response: { headers: { headerValue: X-Header-Value } }
                grpc: {}
              upload:
                payload:
                  attributes:
                    context: { type: String }
                    call: { type: String }
                    headers: { type: String }
                    errors: { type: Int }
                streamingPayload: String
                result: { attributes: { count: { type: Int, field: 1 } } }
                http: { GET: /upload, params: [context, call, headers, errors] }
                grpc: {}
              events:
                payload: { attributes: { message: { type: String } } }
                streamingResult:
                  attributes:
                    id: { type: String }
                    event: { type: String }
                    retry: { type: Int }
                    message: { type: String }
                http:
                  GET: /events
                  params: [message]
                  serverSentEvents: { id: id, event: event, retry: retry }
              anything:
                payload: { attributes: { value: { type: Any } } }
                result: "MapOf(String, Any)"
                http: { POST: /anything }
        """;

    /// <summary>Type, service and method names that meet framework, runtime, generated and protobuf names, and files that differ only in case.</summary>
    public const string Types = """
        api: { name: shop }
        types:
          Task: { attributes: { id: { type: String, field: 1 } } }
          Status: { attributes: { code: { type: Int, field: 1 } } }
          Metadata: { attributes: { key: { type: String, field: 1 } } }
          Stream: { attributes: { name: { type: String, field: 1 } } }
          HttpContext: { attributes: { path: { type: String, field: 1 } } }
          ServiceError: { attributes: { reason: { type: String, field: 1 } } }
          Runtime: { attributes: { version: { type: String, field: 1 } } }
          System: { attributes: { name: { type: String, field: 1 } } }
          Default: { attributes: { name: { type: String, field: 1 } } }
          Options: { attributes: { name: { type: String, field: 1 } } }
          Single: { attributes: { name: { type: String, field: 1 } } }
          ArrayOfTask: { attributes: { name: { type: String, field: 1 } } }
          Order: { attributes: { id: { type: String, field: 1 }, task: { type: Task, field: 2 } } }
          Basket: { attributes: { orders: { type: "ArrayOf(Order)", field: 1 } } }
          CardView: { attributes: { name: { type: String, field: 1 } } }
          Foo: { attributes: { a: { type: String, field: 1 } } }
          FOO: { attributes: { b: { type: String, field: 1 } } }
        resultTypes:
          Card:
            attributes: { title: { type: String, field: 1 } }
            views: { default: [title] }
        services:
          order:
            errors:
              equals: {}
              to_string: {}
            methods:
              place:
                payload: Basket
                result: Order
                http: { POST: /orders }
                grpc: {}
              x:
                payload: Status
                result: Metadata
                http: { POST: /x }
                grpc: {}
              error_status:
                payload: Stream
                result: HttpContext
                http: { POST: /error-status }
                grpc: {}
              card:
                payload: Card
                result: "ArrayOf(Task)"
                http: { POST: /card }
          ab:
            methods:
              one: { payload: ServiceError, result: Runtime, http: { POST: /ab/one } }
          AB:
            methods:
              two: { payload: System, result: Default, http: { POST: /ab/two } }
              three: { payload: Options, result: Single, http: { POST: /ab/three } }
              four: { payload: ArrayOfTask, result: CardView, http: { POST: /ab/four } }
              five: { payload: Foo, result: FOO, http: { POST: /ab/five } }
        """;

    /// <summary>Names in other scripts: valid C# identifiers and JSON names; protobuf gets an ASCII spelling.</summary>
    public const string Unicode = """
        api: { name: maße }
        types:
          Größe:
            attributes:
              größe: { type: Int, field: 1 }
              maß_einheit: { type: String, field: 2 }
              名前: { type: String, field: 3 }
              ñandú: { type: "ArrayOf(String)", field: 4 }
            required: [größe]
        services:
          lager:
            methods:
              größe:
                payload:
                  attributes:
                    größe: { type: Int, field: 1 }
                    länge: { type: String, field: 2 }
                  required: [größe]
                result: Größe
                http: { GET: "/größen/{größe}", params: [länge] }
                grpc: {}
              messen:
                payload: { attributes: { einheit: { type: String } } }
                streamingPayload: Größe
                result: Größe
                http: { GET: /messen, params: [einheit] }
                grpc: {}
        """;
}
