// Drives the JSON Lines methods of the chat design with its generated TypeScript client (copied beside this file by
// StreamGen.E2E.Tests, with the runtime streamgen.ts), over Node's fetch: a server stream read as NDJSON (replay), a
// client stream sent as an NDJSON request body with a result (import) and without (notices), their errors and
// cancellation. Prints what it saw as JSON; the test asserts it with what the server's handlers observed.
//
//   node chat-lines-client.js http://127.0.0.1:PORT/
import { ChatClient, MutedError, ServiceError, ValidationError } from "./chat.js";

const [baseUrl] = process.argv.slice(2) as [string];
const client = new ChatClient({ baseUrl });
const ada = { id: "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", name: "Ada" };
const summary: Record<string, unknown> = {};
const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function seen(error: unknown): Record<string, unknown> {
  return error instanceof ServiceError
    ? { class: error.constructor.name, name: error.name, status: error.status, validation: error instanceof ValidationError, muted: error instanceof MutedError }
    : { class: (error as Error)?.constructor?.name, name: (error as Error)?.name, message: String((error as Error)?.message ?? error) };
}

async function failure(action: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await action();
    return { class: "none" };
  } catch (error) {
    return seen(error);
  }
}

// A server stream over NDJSON: each line validated against the view the response names.
for (const view of ["default", "compact"] as const) {
  const replay = await client.replay({ room: "ts-lobby", view });
  const events: unknown[] = [];
  for await (const event of replay) {
    events.push(event);
  }

  summary[`replay-${view}`] = { view: replay.view, events };
}

// A client stream with a result: 100 lines, then the result.
const imported = await client.import({ room: "ts-import", token: "t" });
for (let i = 0; i < 100; i++) {
  await imported.send({ text: `m${i}`, author: ada });
}

summary.import = await imported.closeAndRecv();

// Without a result: the close waits for the server's 204.
const notices = await client.notices({ room: "ts-notices" });
await notices.send("a");
await notices.send("b\nc");
await notices.close();
summary.notices = "closed";

// A message that breaks the rules is refused before it is sent.
summary.refusedLocally = await failure(async () => {
  const stream = await client.import({ room: "ts-local", token: "t" });
  try {
    await stream.send({ text: "", author: ada });
  } finally {
    stream.cancel();
  }
});

// The design's error, raised before the handler reads: its class, from the response.
summary.muted = await failure(async () => {
  const stream = await client.import({ room: "ts-muted", token: "muted" });
  await stream.send({ text: "hello", author: ada });
  await stream.closeAndRecv();
});

// Canceled mid-body with the call's AbortSignal: the server's handler sees the client leave.
const abort = new AbortController();
const leaving = await client.import({ room: "ts-abort", token: "t" }, { signal: abort.signal });
await leaving.send({ text: "one", author: ada });
await delay(300);
abort.abort();
summary.aborted = await failure(() => leaving.closeAndRecv());

console.log(JSON.stringify(summary));
