// The logger's live log viewer (examples/logger/wwwroot): watches topics over the generated TypeScript client's `watch`
// stream, publishes test entries with `publish`, and reconnects by itself. No framework: the DOM and the client only.
// Build: `npm --prefix tests/interop run viewer` (tsc checks it under --strict, esbuild bundles it into wwwroot/viewer.js).
import { LogEntryLevel, LoggerClient, ServiceError, WatchPayload } from "./gen/logger.js";
import type { BidirectionalStream, FilterUpdate, LogRecord } from "./gen/logger.js";

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = element<HTMLParagraphElement>("status");
const topicList = element<HTMLUListElement>("topics");
const viewSelect = element<HTMLSelectElement>("view");
const pauseButton = element<HTMLButtonElement>("pause");
const reconnectCount = element<HTMLSpanElement>("reconnects");
const rows = element<HTMLTableElement>("entries").tBodies[0]!;
const apiKeyField = element<HTMLSpanElement>("api-key-field");
const apiKey = element<HTMLInputElement>("api-key");
const publishResult = element<HTMLParagraphElement>("publish-result");

// The API key, once the server asks for it: the client sends it where each secured method's scheme takes it (the
// X-API-Key header on fetch, the api_key query parameter on WebSockets, which a browser cannot give headers).
// The requestId client interceptor, as the C# clients run the example's: every call the viewer makes gets a request id
// (32 hex digits, from getRandomValues, which a page served over plain HTTP has too), sent in X-Request-Id.
const client = new LoggerClient({ credentials: { apiKey: () => apiKey.value || undefined } }, {
  async requestId(info, next) {
    // Not on watch: its id travels in the X-Request-Id header of the upgrade, which a browser's WebSocket cannot send.
    if (info.method !== "watch" && info.payload !== undefined && info.payload.requestId === undefined) {
      info.payload.requestId = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
    }

    await next();
  },
});

// Whether the design's watch resumes after an entry (`since`): then a reconnect, a pause or a change of view misses
// nothing. Without it, the table marks where entries may be missing.
const resumable = "since" in WatchPayload.attributes;
document.body.dataset.resumable = String(resumable);

const maxRows = 500;
const topics = new Set<string>();
const seen = new Set<string>();
let stream: BidirectionalStream<FilterUpdate, LogRecord> | undefined;
let session = 0;
let lastId: string | undefined;
let paused = false;
let connected = false;
let attempt = 0;
let reconnects = 0;
/** Why entries may be missing at the next (re)connection, when the stream cannot resume. */
let gap: string | undefined;

function setState(state: string, text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

function describe(error: unknown): string {
  return error instanceof ServiceError ? `${error.name}: ${error.message}` : String(error);
}

/** (Re)opens the watch stream; any stream before it is abandoned, and its loop ends quietly. */
async function connect(): Promise<void> {
  const mine = ++session;
  stream?.cancel();
  stream = undefined;
  if (paused) {
    return setState("paused", "Paused");
  }
  if (topics.size === 0) {
    connected = false;
    return setState("idle", "Add a topic to watch");
  }
  setState(attempt > 0 ? "reconnecting" : "connecting", attempt > 0 ? `Reconnecting (attempt ${attempt})…` : "Connecting…");
  const payload: WatchPayload & { since?: string } = { view: viewSelect.value === "tiny" ? "tiny" : "default" };
  const resume = resumable && lastId !== undefined;
  if (resume) {
    payload.since = lastId;
  }
  try {
    const opened = await client.watch(payload);
    if (mine !== session) {
      return opened.cancel();
    }
    stream = opened;
    for (const topic of topics) {
      await opened.send({ action: "add", topic });
    }
    if (connected && attempt > 0) {
      reconnectCount.textContent = `Reconnects: ${++reconnects}`;
    }
    if (connected && !resume && seen.size > 0) {
      addGap(gap ?? "Reconnected: entries published while disconnected are not shown");
    }
    [connected, attempt, gap] = [true, 0, undefined];
    setState("live", `Live: ${[...topics].join(", ")} (view ${payload.view})`);
    for await (const entry of opened) {
      addRow(entry);
    }
    if (mine === session) {
      retry(new Error("the server ended the stream"), resume);
    }
  } catch (error) {
    if (mine === session) {
      retry(error, resume);
    }
  }
}

function retry(error: unknown, resumed: boolean): void {
  stream = undefined;
  // A resume the server refuses (the entry is gone, which a browser only sees as a refused upgrade) starts afresh.
  if (resumed && error instanceof ServiceError && (error.name === "gone" || error.name === "handshake_failed")) {
    [lastId, gap] = [undefined, "Reconnected, but entries are missing here: the last one seen is no longer retained"];
  }
  const delay = Math.min(5000, 250 * 2 ** attempt++);
  setState("reconnecting", `Disconnected (${describe(error)}); reconnecting in ${(delay / 1000).toFixed(1)} s`);
  const mine = session;
  setTimeout(() => mine === session && void connect(), delay);
}

function cell(row: HTMLTableRowElement, text: string | undefined): void {
  row.insertCell().textContent = text ?? "";
}

function addRow(entry: LogRecord): void {
  lastId = entry.id;
  if (seen.has(entry.id)) {
    return;
  }
  seen.add(entry.id);
  const row = rows.insertRow(0);
  row.className = entry.level ?? "";
  row.dataset.id = entry.id;
  cell(row, entry.id);
  cell(row, entry.timestamp?.slice(11, 23));
  cell(row, entry.topic);
  cell(row, entry.level);
  cell(row, entry.message);
  while (rows.rows.length > maxRows) {
    rows.deleteRow(-1);
  }
}

function addGap(text: string): void {
  const row = rows.insertRow(0);
  row.className = "gap";
  const td = row.insertCell();
  td.colSpan = 5;
  td.textContent = text;
}

function renderTopics(): void {
  topicList.replaceChildren(
    ...[...topics].map(topic => {
      const item = document.createElement("li");
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Stop watching ${topic}`);
      remove.addEventListener("click", () => void removeTopic(topic));
      item.append(topic, remove);
      return item;
    }),
  );
}

async function addTopic(topic: string): Promise<void> {
  if (topic === "" || topics.has(topic)) {
    return;
  }
  topics.add(topic);
  renderTopics();
  stream ? await stream.send({ action: "add", topic }).catch(() => {}) : await connect();
  if (stream) {
    setState("live", `Live: ${[...topics].join(", ")} (view ${viewSelect.value})`);
  }
}

async function removeTopic(topic: string): Promise<void> {
  topics.delete(topic);
  renderTopics();
  await stream?.send({ action: "remove", topic }).catch(() => {});
  if (topics.size === 0) {
    void connect();
  } else if (stream) {
    setState("live", `Live: ${[...topics].join(", ")} (view ${viewSelect.value})`);
  }
  element<HTMLInputElement>("topic").focus();
}

element<HTMLFormElement>("topic-form").addEventListener("submit", event => {
  event.preventDefault();
  const input = element<HTMLInputElement>("topic");
  void addTopic(input.value.trim());
  input.value = "";
});

viewSelect.addEventListener("change", () => {
  gap = "View changed: entries published while switching are not shown";
  void connect();
});

pauseButton.addEventListener("click", () => {
  paused = !paused;
  pauseButton.textContent = paused ? "Resume" : "Pause";
  pauseButton.setAttribute("aria-pressed", String(paused));
  gap = "Resumed: entries published while paused are not shown";
  void connect();
});

const levels = element<HTMLSelectElement>("publish-level");
levels.append(...LogEntryLevel.map(level => new Option(level, level, level === "info", level === "info")));

element<HTMLFormElement>("publish-form").addEventListener("submit", async event => {
  event.preventDefault();
  const topic = element<HTMLInputElement>("publish-topic").value.trim();
  const message = element<HTMLInputElement>("publish-message");
  publishResult.textContent = "Publishing…";
  try {
    const publish = await client.publish();
    try {
      await publish.send({ topic, message: message.value, level: levels.value as LogEntryLevel });
    } catch (error) {
      publish.cancel();
      throw error;
    }
    const result = await publish.closeAndRecv();
    publishResult.textContent = `Published: ${result.count} accepted`;
    message.value = "";
  } catch (error) {
    // The server asks for an API key (401 before the upgrade): show the field for it.
    if (error instanceof ServiceError && (error.status === 401 || error.name === "unauthorized") && apiKeyField.hidden) {
      apiKeyField.hidden = false;
      apiKey.focus();
    }
    publishResult.textContent = `Not published: ${describe(error)}`;
  }
});

setState("idle", "Add a topic to watch");
