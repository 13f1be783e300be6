// A logger client in Node, written from the WebSocket wire section of the design format alone (no generated code):
// subscribe, publish (with the null end-of-stream message and the result that follows), watch with the tiny view, and a
// message the server must reject with 1007. Prints a JSON summary; exits 1 on the first broken expectation.
//
//   node ws-client.mjs http://127.0.0.1:8080
import WebSocket from 'ws';

const base = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/^http/, 'ws').replace(/\/$/, '');
// The API key publish requires (X-API-Key; the logger logs one at start-up when none is configured).
const apiKey = process.argv[3] ?? process.env.LOGGER_API_KEY ?? '';
const run = Date.now().toString(36);
const topic = `node-${run}`;
const watched = `node-watched-${run}`;
const ignored = `node-ignored-${run}`;

function fail(message) {
  console.error(`ws-client: ${message}`);
  process.exit(1);
}

function expect(condition, message) {
  if (!condition) fail(message);
}

// Opens a socket and collects what it receives, so steps can await messages and the close frame in order.
function open(path, headers = { 'X-API-Key': apiKey }) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base}${path}`, { headers });
    const inbox = [];
    const waiters = [];
    let upgradeHeaders = {};
    let closed = null;
    const deliver = () => {
      while (waiters.length && (inbox.length || closed)) {
        const waiter = waiters.shift();
        if (inbox.length) waiter.resolve(inbox.shift());
        else waiter.reject(new Error(`closed ${closed.code} ${closed.reason}`));
      }
    };
    socket.on('upgrade', (response) => { upgradeHeaders = response.headers; });
    socket.on('message', (data, isBinary) => {
      expect(!isBinary, `${path}: messages are text frames`);
      inbox.push(data.toString('utf8'));
      deliver();
    });
    socket.on('close', (code, reason) => {
      closed = { code, reason: reason.toString('utf8') };
      deliver();
      for (const resolveClose of closeWaiters.splice(0)) resolveClose(closed);
    });
    socket.on('unexpected-response', (_, response) => reject(new Error(`${path}: HTTP ${response.statusCode}`)));
    socket.on('error', reject);
    const closeWaiters = [];
    socket.on('open', () => resolve({
      socket,
      headers: () => upgradeHeaders,
      send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
      next: (ms = 5000) => new Promise((resolveNext, rejectNext) => {
        const timer = setTimeout(() => rejectNext(new Error(`${path}: no message within ${ms} ms`)), ms);
        waiters.push({ resolve: (m) => { clearTimeout(timer); resolveNext(m); }, reject: (e) => { clearTimeout(timer); rejectNext(e); } });
        deliver();
      }),
      maybe: (ms) => new Promise((resolveMaybe) => {
        const timer = setTimeout(() => { const i = waiters.indexOf(entry); if (i >= 0) waiters.splice(i, 1); resolveMaybe(null); }, ms);
        const entry = { resolve: (m) => { clearTimeout(timer); resolveMaybe(m); }, reject: () => { clearTimeout(timer); resolveMaybe(null); } };
        waiters.push(entry);
        deliver();
      }),
      closed: () => closed ? Promise.resolve(closed) : new Promise((r) => closeWaiters.push(r)),
    }));
  });
}

const summary = {};

// subscribe: opens once the server has subscribed, then carries what is published after.
const subscription = await open(`/logs/${topic}/stream`);

// publish without the key: 401 before any upgrade, Goa's error body naming it; with the key in the query (as a browser
// sends it), the upgrade happens.
const refusal = await open('/logs/publish', {}).then(() => null, (error) => error.message);
expect(refusal === '/logs/publish: HTTP 401', `publish without a key: ${refusal}, not HTTP 401`);
const viaQuery = await open(`/logs/publish?api_key=${encodeURIComponent(apiKey)}`, {});
viaQuery.send('null');
expect(JSON.parse(await viaQuery.next()).count === 0, 'publish with the key in the query counted entries it was not sent');
summary.credentials = { withoutKey: 401, queryKey: 'accepted' };

// publish: entries, then the JSON null that ends the client's stream; the server answers with the result, then closes 1000.
const publisher = await open('/logs/publish');
const messages = ['first', 'second', 'third'];
for (const message of messages) publisher.send({ topic, message, level: 'warn' });
publisher.send('null');
const result = JSON.parse(await publisher.next());
const publishClose = await publisher.closed();
expect(result.count === 3, `publish counted ${result.count}, not 3`);
expect(publishClose.code === 1000, `publish closed with ${publishClose.code}, not 1000`);
summary.publish = { count: result.count, close: publishClose.code };

const received = [];
for (let i = 0; i < messages.length; i++) received.push(JSON.parse(await subscription.next()));
expect(JSON.stringify(received.map((r) => r.message)) === JSON.stringify(messages), `subscribe received ${received.map((r) => r.message)}`);
for (const entry of received) {
  expect(entry.topic === topic && entry.level === 'warn', `unexpected entry ${JSON.stringify(entry)}`);
  expect(!Number.isNaN(Date.parse(entry.timestamp)), `timestamp ${entry.timestamp} is not RFC 3339`);
}
summary.subscribe = received.map((r) => r.message);
subscription.socket.close(1000);

// watch with the tiny view: the upgrade says so in Goa-View, and entries carry only id and message.
const watch = await open('/logs/watch?view=tiny');
expect(watch.headers()['goa-view'] === 'tiny', `Goa-View is ${watch.headers()['goa-view']}`);
watch.send({ action: 'add', topic: watched });
const prober = await open('/logs/publish');
let probe = null;
for (let attempt = 0; attempt < 50 && !probe; attempt++) {
  prober.send({ topic: watched, message: `probe ${attempt}` });
  probe = await watch.maybe(100);
}
expect(probe, 'the filter update never took effect');
const firstProbe = Number(JSON.parse(probe).message.split(' ')[1]);
const lastProbe = firstProbe + (await (async () => { let extra = 0; while (await watch.maybe(200)) extra++; return extra; })());
prober.send({ topic: ignored, message: 'not watched' });
prober.send({ topic: watched, message: 'watched' });
const seen = JSON.parse(await watch.next());
expect(seen.message === 'watched', `watch received ${JSON.stringify(seen)} (probes ${firstProbe}..${lastProbe})`);
expect(JSON.stringify(Object.keys(seen).sort()) === JSON.stringify(['id', 'message']), `tiny view has ${Object.keys(seen)}`);
watch.send('null');
watch.socket.close(1000);
const watchClose = await watch.closed();
expect(watchClose.code === 1000, `watch closed with ${watchClose.code}`);
prober.send('null');
summary.watch = { view: 'tiny', message: seen.message, keys: Object.keys(seen).sort(), close: watchClose.code };

// A message that breaks the design's rules closes the stream with 1007 and "name: message".
const invalid = await open('/logs/publish');
invalid.send({ topic, message: '' });
const rejected = await invalid.closed();
expect(rejected.code === 1007, `invalid message closed with ${rejected.code}`);
expect(rejected.reason.startsWith('invalid_length: '), `close reason is "${rejected.reason}"`);
summary.invalid = rejected;
summary.topic = topic;

console.log(JSON.stringify(summary));
process.exit(0);
