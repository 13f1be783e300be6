// Drives the logger's log viewer (examples/logger/wwwroot) in headless Chromium from the system's packages, through
// playwright-core, against a running logger: the seed's watch story (add database, publish, see it; add network, both
// arrive; remove database, only network), a killed connection and the reconnect, a change of view, pause and resume.
// The page reaches the server through a TCP proxy here, so the test can cut every connection at once as a network
// would: the proxy listens on 127.0.0.2 at the server's own port (the server's routes require their port in Host), so
// the server must listen on 127.0.0.1 only (--Http:Host=127.0.0.1). A screenshot of each step goes to the screenshots
// folder. Prints a JSON summary of what the page showed.
//
//   node viewer-browser.mjs http://127.0.0.1:8080 SCREENSHOT_DIR [CHROMIUM]
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import WebSocket from "ws";

const [server, screenshots, executablePath = "/usr/bin/chromium", apiKey = ""] = process.argv.slice(2);
const target = new URL(server);
mkdirSync(screenshots, { recursive: true });
const deadline = 10_000;

/** A TCP proxy whose connections the test can cut, and which can refuse new ones for a while (a network outage). */
function startProxy() {
  const sockets = new Set();
  let down = false;
  const proxy = createServer(client => {
    if (down) {
      return client.destroy();
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => proxy.on("error", reject).listen(Number(target.port), "127.0.0.2", () => resolve({
    url: `http://127.0.0.2:${target.port}/`,
    cut() {
      down = true;
      for (const socket of sockets) {
        socket.destroy();
      }
    },
    restore() {
      down = false;
    },
    close: () => proxy.close(),
  })));
}

/** Publishes straight to the server (not through the proxy), over the wire protocol: entries, then `null`, then the result. */
function publishDirect(entries) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${target.host}/logs/publish`, { headers: { "X-API-Key": apiKey } });
    socket.on("open", () => {
      for (const entry of entries) {
        socket.send(JSON.stringify(entry));
      }
      socket.send("null");
    });
    socket.on("message", data => resolve(JSON.parse(String(data))));
    socket.on("error", reject);
  });
}

const proxy = await startProxy();
const profile = mkdtempSync(join(tmpdir(), "streamgen-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1100, height: 720 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = context.pages()[0] ?? (await context.newPage());
// What the page logs, by phase: while the network is down, the browser itself logs each refused reconnection.
let phase = "normal";
const console_ = [];
page.on("console", message => message.type() !== "log" && console_.push({ phase, text: `${message.type()}: ${message.text()}` }));
page.on("pageerror", error => console_.push({ phase, text: `pageerror: ${error.message}` }));
const summary = { steps: [], screenshots: [], console: console_ };

const messages = () => page.$$eval("#entries tbody tr:not(.gap)", rows => rows.map(row => row.cells[4].textContent));
const state = () => page.$eval("#status", el => ({ state: el.dataset.state, text: el.textContent }));
const waitForMessage = text => page.waitForFunction(t => [...document.querySelectorAll("#entries tbody td:nth-child(5)")].some(td => td.textContent === t), text, { timeout: deadline });
const waitForState = value => page.waitForFunction(v => document.querySelector("#status").dataset.state === v, value, { timeout: deadline });

async function step(name, observe) {
  const observed = (await observe()) ?? {};
  const path = join(screenshots, `${String(summary.steps.length + 1).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  summary.screenshots.push(path);
  summary.steps.push({ name, ...observed, status: await state(), messages: await messages() });
}

/** Adds a topic with the keyboard: focus the field, type, press Enter. */
async function addTopic(topic) {
  await page.focus("#topic");
  await page.keyboard.type(topic);
  await page.keyboard.press("Enter");
}

/** Publishes through the page's form, as a person would. */
async function publishFromPage(topic, message, level = "info") {
  await page.fill("#publish-topic", topic);
  await page.selectOption("#publish-level", level);
  await page.fill("#publish-message", message);
  await page.press("#publish-message", "Enter");
  await page.waitForFunction(() => /^(Published|Not published)/.test(document.querySelector("#publish-result").textContent), null, { timeout: deadline });
  return page.$eval("#publish-result", el => el.textContent);
}

try {
  await page.goto(proxy.url);
  await page.waitForFunction(() => document.body.dataset.resumable !== undefined, null, { timeout: deadline });
  summary.resumable = await page.evaluate(() => document.body.dataset.resumable === "true");
  summary.unlabelled = await page.$$eval("input, select", fields => fields.filter(f => !f.labels || f.labels.length === 0).map(f => f.id));
  await step("empty", async () => ({}));

  await addTopic("database");
  await waitForState("live");
  // The first publish has no API key: the server refuses it before the upgrade and the page asks for the key.
  phase = "refused";
  const refused = await publishFromPage("database", "db-0", "warn");
  await page.waitForTimeout(200);
  phase = "normal";
  const keyFieldShown = await page.$eval("#api-key-field", el => !el.hidden);
  await page.fill("#api-key", apiKey);
  summary.credentials = { refused, keyFieldShown };
  const first = await publishFromPage("database", "db-1", "warn");
  await waitForMessage("db-1");
  await step("database", async () => ({
    published: first,
    levelClass: await page.$eval("#entries tbody tr", row => row.className),
    levelColour: await page.$eval("#entries tbody tr td:nth-child(4)", td => getComputedStyle(td).color),
  }));

  await addTopic("network");
  await page.waitForFunction(() => document.querySelectorAll("#topics li").length === 2, null, { timeout: deadline });
  await publishFromPage("database", "db-2");
  await publishFromPage("network", "net-1", "error");
  await waitForMessage("db-2");
  await waitForMessage("net-1");
  await step("database-and-network", async () => ({ topics: await page.$$eval("#topics li", items => items.map(i => i.firstChild.textContent)) }));

  // Remove database with the keyboard: its × button, focused, then Enter.
  await page.focus('#topics button[aria-label="Stop watching database"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#topics li").length === 1, null, { timeout: deadline });
  await publishFromPage("database", "db-3");
  await publishFromPage("network", "net-2");
  await waitForMessage("net-2");
  await step("network-only", async () => ({ topics: await page.$$eval("#topics li", items => items.map(i => i.firstChild.textContent)) }));

  // Kill every connection and keep the network down while an entry is published: the viewer must show the loss, then
  // come back by itself (and, where the design resumes with since, show the entry published while it was away).
  phase = "outage";
  proxy.cut();
  await waitForState("reconnecting");
  const whileDown = await state();
  await publishDirect([{ topic: "network", message: "net-while-down" }]);
  proxy.restore();
  await waitForState("live");
  phase = "normal";
  await publishFromPage("network", "net-3");
  await waitForMessage("net-3");
  await step("reconnected", async () => ({
    whileDown,
    reconnects: await page.$eval("#reconnects", el => el.textContent),
    gapRows: await page.$$eval("#entries tbody tr.gap", rows => rows.map(r => r.textContent)),
  }));

  await page.selectOption("#view", "tiny");
  await waitForState("live");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("view tiny"), null, { timeout: deadline });
  await publishFromPage("network", "net-tiny", "error");
  await waitForMessage("net-tiny");
  await step("tiny-view", async () => ({
    tinyRow: await page.$eval("#entries tbody tr", row => [...row.cells].map(c => c.textContent)),
  }));

  await page.focus("#pause");
  await page.keyboard.press("Enter");
  await waitForState("paused");
  const pausedPublish = await publishFromPage("network", "net-while-paused");
  await page.waitForTimeout(300);
  const whilePaused = await messages();
  await page.focus("#pause");
  await page.keyboard.press("Enter");
  await waitForState("live");
  await publishFromPage("network", "net-after-pause");
  await waitForMessage("net-after-pause");
  await step("resumed", async () => ({ pausedPublish, whilePaused, pressed: await page.$eval("#pause", b => b.getAttribute("aria-pressed")) }));
} catch (error) {
  summary.error = String(error?.stack ?? error);
  const path = join(screenshots, "failure.png");
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  summary.screenshots.push(path);
} finally {
  await context.close();
  proxy.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(JSON.stringify(summary, null, 2));
process.exit(summary.error ? 1 : 0);
