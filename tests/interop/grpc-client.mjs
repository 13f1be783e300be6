// A logger client in Node over gRPC, built from the generated .proto with @grpc/proto-loader: subscribe, publish,
// watch (view as metadata, goa-view back in the response headers), recent, and a rejected message. Enum attributes are
// protobuf enums over gRPC (LEVEL_ERROR; the design's strings, such as "error", are what JSON and metadata carry).
// Prints a JSON summary; exits 1 on the first broken expectation.
//
//   node grpc-client.mjs 127.0.0.1:8081 ../../examples/logger/gen/logger/logger.proto
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const address = process.argv[2] ?? '127.0.0.1:8081';
const protoPath = process.argv[3] ?? '../../examples/logger/gen/logger/logger.proto';
// The API key publish requires, sent as x-api-key metadata.
const apiKey = process.argv[4] ?? process.env.LOGGER_API_KEY ?? '';
const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: false, oneofs: true });
const { logger } = grpc.loadPackageDefinition(definition);
const client = new logger.Logger(address, grpc.credentials.createInsecure());
const run = Date.now().toString(36);
const topic = `node-grpc-${run}`;
const watched = `node-grpc-watched-${run}`;

function fail(message) {
  console.error(`grpc-client: ${message}`);
  process.exit(1);
}

function expect(condition, message) {
  if (!condition) fail(message);
}

// Collects a server stream's messages so steps can await them in order.
function collect(call) {
  const inbox = [];
  const waiters = [];
  call.on('data', (message) => { inbox.push(message); if (waiters.length) waiters.shift()(); });
  return {
    next: (ms = 5000) => new Promise((resolve, reject) => {
      const take = () => resolve(inbox.shift());
      if (inbox.length) return take();
      const timer = setTimeout(() => reject(new Error(`no message within ${ms} ms`)), ms);
      waiters.push(() => { clearTimeout(timer); take(); });
    }),
    maybe: (ms) => new Promise((resolve) => {
      if (inbox.length) return resolve(inbox.shift());
      const waiter = () => { clearTimeout(timer); resolve(inbox.shift()); };
      const timer = setTimeout(() => { waiters.splice(waiters.indexOf(waiter), 1); resolve(null); }, ms);
      waiters.push(waiter);
    }),
  };
}

const headers = (call) => new Promise((resolve) => call.on('metadata', resolve));

function publish(entries, key = apiKey) {
  const metadata = new grpc.Metadata();
  if (key) metadata.set('x-api-key', key);
  return new Promise((resolve, reject) => {
    const call = client.Publish(metadata, (error, response) => (error ? reject(error) : resolve(response)));
    for (const entry of entries) call.write(entry);
    call.end();
  });
}

const summary = {};

// publish without the key: UNAUTHENTICATED, before the handler sees a message.
const refused = await publish([{ topic, message: 'never' }], '').then(() => null, (error) => error.code);
expect(refused === grpc.status.UNAUTHENTICATED, `publish without a key ended with ${refused}, not UNAUTHENTICATED`);
summary.credentials = { withoutKey: 'UNAUTHENTICATED' };

const subscription = client.Subscribe({ topic });
const subscribed = collect(subscription);
await headers(subscription);
subscription.on('error', () => {});
const result = await publish([{ topic, message: 'one' }, { topic, message: 'two', level: 'LEVEL_ERROR' }, { topic, message: 'three' }]);
expect(result.count === '3', `publish counted ${result.count}`);
const received = [await subscribed.next(), await subscribed.next(), await subscribed.next()];
expect(JSON.stringify(received.map((r) => r.message)) === '["one","two","three"]', `subscribe received ${received.map((r) => r.message)}`);
expect(received[1].level === 'LEVEL_ERROR' && received[0].level === 'LEVEL_INFO', 'levels (default info) did not round-trip');
subscription.cancel();
summary.subscribe = received.map((r) => r.message);
summary.publish = { count: result.count };

const metadata = new grpc.Metadata();
metadata.set('view', 'tiny');
const watch = client.Watch(metadata);
const watching = collect(watch);
watch.on('error', () => {});
watch.write({ action: 'FILTER_UPDATE_ACTION_ADD', topic: watched });
const view = (await headers(watch)).get('goa-view')[0];
expect(view === 'tiny', `goa-view is ${view}`);
let probe = null;
for (let attempt = 0; attempt < 50 && !probe; attempt++) {
  await publish([{ topic: watched, message: `probe ${attempt}` }]);
  probe = await watching.maybe(100);
}
expect(probe, 'the filter update never took effect');
while (await watching.maybe(200)) { /* later probes */ }
await publish([{ topic: `${watched}-not`, message: 'not watched' }, { topic: watched, message: 'watched' }]);
const seen = await watching.next();
expect(seen.message === 'watched' && seen.timestamp === undefined && seen.topic === undefined, `watch received ${JSON.stringify(seen)}`);
watch.end();
summary.watch = { view, message: seen.message };

const recent = await new Promise((resolve, reject) => client.Recent({ topic, limit: 10 }, (e, r) => (e ? reject(e) : resolve(r))));
expect(recent.entries.length === 3, `recent returned ${recent.entries.length} entries`);
summary.recent = recent.entries.map((e) => e.message);

const rejection = await publish([{ topic, message: '' }]).then(() => null, (error) => error);
expect(rejection && rejection.code === grpc.status.INVALID_ARGUMENT, `invalid message gave ${rejection && rejection.code}`);
expect(rejection.metadata.get('goa-error')[0] === 'invalid_length', `goa-error is ${rejection.metadata.get('goa-error')}`);
summary.invalid = { code: 'INVALID_ARGUMENT', name: 'invalid_length' };
summary.topic = topic;

client.close();
console.log(JSON.stringify(summary));
process.exit(0);
