// Drives every method of the logger with the generated TypeScript client (examples/logger/viewer/gen), over Node's
// own WHATWG WebSocket and fetch (what a browser has), and once over the ws package through the client's webSocket
// option (what Node can do that a browser cannot: headers, the upgrade response's Goa-View). Prints what it saw as
// JSON; StreamGen.E2E.Tests asserts it together with what the server's handlers observed.
//
//   node --experimental-websocket logger-client.js http://127.0.0.1:PORT/ RUN
import NodeWebSocket from "ws";
import {
  LoggerClient,
  NotFoundError,
  ServiceError,
  StreamClosedError,
  ValidationError,
} from "../../../examples/logger/viewer/gen/logger.js";
import type { LoggerClientInterceptors, RequestIdInfo, WebSocketFactory, WebSocketLike } from "../../../examples/logger/viewer/gen/logger.js";

const [baseUrl, run, apiKey] = process.argv.slice(2) as [string, string, string];
const topic = (name: string) => `${name}-${run}`;
const summary: Record<string, unknown> = {};
// publish and upload require the API key: typed credentials, which the client sends in the X-API-Key header on fetch
// requests and in the api_key query parameter on WebSockets (as a browser, which cannot set their headers); the key
// comes from a function asked per request, as a refreshing credential would.
const client = new LoggerClient({ baseUrl, credentials: { apiKey: async () => apiKey } });

/** What a thrown error looked like: its class, Goa name, close code or status, and message. */
function seen(error: unknown): Record<string, unknown> {
  if (error instanceof ServiceError) {
    return {
      class: error.constructor.name,
      name: error.name,
      code: error.code,
      status: error.status,
      message: error.message,
      streamClosed: error instanceof StreamClosedError,
      ...(error instanceof ValidationError ? { errors: error.errors } : {}),
    };
  }
  return { class: (error as Error)?.constructor?.name, name: (error as Error)?.name, message: String((error as Error)?.message ?? error) };
}

async function failure(action: () => Promise<unknown>, name = ""): Promise<Record<string, unknown>> {
  if (name) {
    step(name);
  }
  try {
    await action();
    return { class: "none" };
  } catch (error) {
    return seen(error);
  }
}

/** Progress on stderr, so that a hang or a failure names its step. */
const step = (name: string) => console.error(`step: ${name}`);

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function publish(entries: { topic: string; message: string; level?: "debug" | "info" | "warn" | "error" }[]) {
  const stream = await client.publish();
  for (const entry of entries) {
    await stream.send(entry);
  }
  return stream.closeAndRecv();
}

/** A Node WebSocket (the ws package) that sends the call's headers and exposes the upgrade response's headers. */
const viaWs: WebSocketFactory = (url, init) => {
  let headers: Record<string, string | string[] | undefined> = {};
  const socket = new NodeWebSocket(url, init.protocols, { headers: init.headers }).on("upgrade", response => {
    headers = response.headers;
  });
  const responseHeader = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  return Object.assign(socket, { responseHeader }) as unknown as WebSocketLike;
};

// subscribe (server stream) and publish (client stream with a result): entries arrive in order, validated.
{
  step("subscribe");
  const subscription = await client.subscribe({ topic: topic("orders") });
  const result = await publish([
    { topic: topic("orders"), message: "first", level: "warn" },
    { topic: topic("orders"), message: "second" },
    { topic: topic("elsewhere"), message: "not for this subscriber" },
    { topic: topic("orders"), message: "third", level: "error" },
  ]);
  const received = [await subscription.recv(), await subscription.recv(), await subscription.recv()];
  subscription.cancel();
  summary.subscribe = {
    publish: result,
    received: received.map(r => ({ message: r?.message, level: r?.level, topic: r?.topic, timestampIsRfc3339: /Z$/.test(r?.timestamp ?? "") })),
    afterCancel: await failure(() => subscription.recv()),
  };
}

// publish: a message that breaks the design's rules is refused before it is sent, and the stream goes on.
{
  step("publish rules");
  const stream = await client.publish();
  const refused = await failure(() => stream.send({ topic: topic("rules"), message: "" }));
  await stream.send({ topic: topic("rules"), message: "kept" });
  summary.publishRules = { refused, result: await stream.closeAndRecv() };
}

// watch (bidirectional): the seed's story, add database, add network, remove database; then close the sending half.
{
  step("watch");
  const watch = await client.watch({});
  const messages: string[] = [];
  const reading = (async () => {
    for await (const entry of watch) {
      messages.push(`${entry.topic}:${entry.message}:${entry.timestamp === undefined ? "no-timestamp" : "timestamp"}`);
    }
  })();
  await watch.send({ action: "add", topic: topic("database") });
  await delay(100);
  await publish([{ topic: topic("database"), message: "db-1" }, { topic: topic("network"), message: "net-ignored" }]);
  await watch.send({ action: "add", topic: topic("network") });
  await delay(100);
  await publish([{ topic: topic("database"), message: "db-2" }, { topic: topic("network"), message: "net-1" }]);
  await watch.send({ action: "remove", topic: topic("database") });
  await delay(100);
  await publish([{ topic: topic("database"), message: "db-ignored" }, { topic: topic("network"), message: "net-2" }]);
  await delay(200);
  await watch.close();
  await reading;
  summary.watch = { messages: messages.map(m => m.replace(`-${run}`, "")), view: watch.view };
}

// watch in view tiny: the browser's WebSocket cannot read Goa-View; the ws package can, and the client then checks
// the view's own rules.
{
  step("watch tiny");
  const browserLike = await client.watch({ view: "tiny" });
  const nodeWs = await new LoggerClient({ baseUrl, webSocket: viaWs }).watch({ view: "tiny" });
  for (const stream of [browserLike, nodeWs]) {
    await stream.send({ action: "add", topic: topic("tiny") });
  }
  await delay(100);
  await publish([{ topic: topic("tiny"), message: "small" }]);
  const [a, b] = [await browserLike.recv(), await nodeWs.recv()];
  await browserLike.close();
  await nodeWs.close();
  summary.watchTiny = { browserLike: { view: browserLike.view ?? null, entry: a }, nodeWs: { view: nodeWs.view ?? null, entry: b } };
}

// events (Server-Sent Events over fetch): a replay after Last-Event-ID, then a dropped connection resumed by itself.
{
  step("events");
  const replayed = await publish([1, 2, 3].map(i => ({ topic: topic("events"), message: `e${i}` })));
  const lastEventIds: (string | null)[] = [];
  let cut = false;
  let deliveredBeforeCut = 0;
  const dropping: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    lastEventIds.push(headers.get("Last-Event-ID"));
    const response = await fetch(input, init);
    if (headers.get("Accept") !== "text/event-stream" || cut) {
      return response;
    }
    cut = true;
    // The first connection breaks after two events, as a network would.
    const reader = response.body!.getReader();
    let events = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          return controller.close();
        }
        controller.enqueue(value);
        events += new TextDecoder().decode(value).split("\n\n").length - 1;
        if (events >= 2) {
          deliveredBeforeCut = events;
          void reader.cancel();
          controller.error(new TypeError("the network went away"));
        }
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const events = await new LoggerClient({ baseUrl, fetch: dropping }).events({ topic: topic("events"), since: "0" });
  const received = [await events.recv(), await events.recv(), await events.recv()];
  await publish([{ topic: topic("events"), message: "e4" }]);
  received.push(await events.recv());
  events.cancel();
  summary.events = { published: replayed, messages: received.map(r => r?.message), ids: received.map(r => r?.id), lastEventId: events.lastEventId, lastEventIds, deliveredBeforeCut };
}

// upload (raw NDJSON body), download (raw response), recent (unary, limit's default sent).
{
  step("bodies");
  const uploaded = await client.upload({ topic: topic("archive") }, '{"message":"from a file"}\n{"message":"second line","level":"debug"}\n');
  const downloaded = await (await client.download({ topic: topic("archive") })).text();
  const recent = await client.recent({ topic: topic("archive") });
  summary.bodies = {
    uploaded,
    downloaded: downloaded.trim().split("\n").map(line => (JSON.parse(line) as { message: string }).message),
    recent: recent.entries.map(e => `${e.message}:${e.level}`),
    recentOne: (await client.recent({ topic: topic("archive"), limit: 1 })).entries.map(e => e.message),
  };
}

// Errors: local validation, a design error over HTTP, and a stream's close codes after the upgrade.
{
  step("errors");
  const aborted = new AbortController();
  const slow = await client.subscribe({ topic: topic("aborted") }, { signal: aborted.signal });
  const pending = failure(() => slow.recv());
  aborted.abort();
  const canceledRecent = new AbortController();
  canceledRecent.abort();
  step("fail after open");
  const afterOpen = await client.subscribe({ topic: "fail-after-open" });
  step("send invalid");
  const invalid = await client.subscribe({ topic: "send-invalid" });
  summary.errors = {
    localValidation: await failure(() => client.recent({ topic: "", limit: 5000 })),
    notFound: await failure(() => client.download({ topic: topic("never-written") })),
    notFoundIsDesignClass: await client.download({ topic: topic("never-written") }).catch(e => e instanceof NotFoundError),
    failBeforeOpen: await failure(() => client.subscribe({ topic: "fail-before-open" }), "fail before open"),
    failAfterOpen: { first: (await afterOpen.recv())?.message, then: await failure(() => afterOpen.recv()) },
    crash: await failure(async () => (await client.subscribe({ topic: "crash" })).recv(), "crash"),
    invalidMessage: await failure(() => invalid.recv(), "invalid message"),
    aborted: await pending,
    abortedUnary: await failure(() => client.recent({ topic: topic("x") }, { signal: canceledRecent.signal })),
    unreachable: await failure(() => new LoggerClient({ baseUrl: "http://127.0.0.1:9" }).subscribe({ topic: "x" }), "unreachable"),
    uploadWithoutKey: await failure(() => new LoggerClient({ baseUrl }).upload({ topic: topic("keyless") }, '{"message":"never"}\n')),
    publishWithoutKey: await failure(async () => (await new LoggerClient({ baseUrl }).publish()).closeAndRecv(), "publish without key"),
    publishWrongKey: await failure(async () => (await new LoggerClient({ baseUrl, credentials: { apiKey: "wrong" } }).publish()).closeAndRecv(), "publish wrong key"),
    uploadWrongKey: await failure(() => new LoggerClient({ baseUrl, credentials: { apiKey: "wrong" } }).upload({ topic: topic("keyless") }, '{"message":"never"}\n')),
  };
}

// Client interceptors: the requestId interceptor's TypeScript counterpart, around a unary call and a WebSocket stream.
{
  step("interceptors");
  const calls: string[] = [];
  const interceptors: LoggerClientInterceptors = {
    async requestId(info: RequestIdInfo, next) {
      calls.push(`${info.method}:${info.callType}:before`);
      if (info.payload !== undefined && info.payload.requestId === undefined) {
        info.payload.requestId = `ts-${run}`;
      }

      await next();
      calls.push(`${info.method}:${info.callType}:after`);
    },
  };
  // watch's requestId travels in the X-Request-Id header of the upgrade, which only a factory like ws can send.
  const intercepted = new LoggerClient({ baseUrl, webSocket: viaWs }, interceptors);
  const payload = { topic: topic("intercepted") };
  await intercepted.recent(payload);
  const watch = await intercepted.watch({});
  await watch.close();
  for await (const _ of watch) {
    // The server ends the stream once the client's half is closed.
  }

  summary.interceptors = { calls, callersPayloadUntouched: !("requestId" in payload) };
}

console.log(JSON.stringify(summary));
