// What a Node app's cold start costs, counted in the modules Node loads, not in
// milliseconds: importing the package loads neither perf_hooks nor fetch's
// implementation (undici), and a first stream on the Node transport loads no
// undici either (a first `Headers` costs ~20 ms of CPU), nor node:module
// (the builtins come from process.getBuiltinModule). Reading the response's
// headers still works: they are made when first read.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../helpers/paths.js";
import { sseHeaders, startTestServer, type TestServer } from "../helpers/test-server.js";

const chunk = (content: string, finish: string | null) =>
  `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

// Runs in a fresh process, importing the built package by its name (the
// `node` condition: the Node build). Prints one JSON line.
const script = `
const loaded = (part) => process.moduleLoadList.some((m) => m.includes(part));
const nodeModule = () => process.moduleLoadList.includes("NativeModule module");
if (process.argv[2] === "old-node") delete process.getBuiltinModule;
const { Mistral } = await import("mistral-stream");
const afterImport = { perfHooks: loaded("perf_hooks"), undici: loaded("undici"), nodeModule: nodeModule() };
const client = new Mistral({ apiKey: "k", serverURL: process.argv[1] });
const stream = await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] });
let text = "";
for await (const event of stream) text += event.data.choices[0]?.delta.content ?? "";
const afterStream = { undici: loaded("undici"), nodeModule: nodeModule(), requestId: stream.requestId, text };
const contentType = stream.response.headers.get("content-type");
console.log(JSON.stringify({ afterImport, afterStream, contentType }));
`;

function runChild(url: string, mode = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, url, mode], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}`));
    });
  });
}

describe("a cold start on Node", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { ...sseHeaders, "mistral-correlation-id": "req-cold" });
      res.end(`${chunk("cold ", null)}${chunk("start", "stop")}data: [DONE]\n\n`);
    });
  });
  after(() => server.close());

  test("imports without perf_hooks or undici and streams without undici; headers are there when read", async () => {
    const result = JSON.parse(await runChild(server.url));
    assert.deepEqual(result.afterImport, { perfHooks: false, undici: false, nodeModule: false });
    assert.deepEqual(result.afterStream, {
      undici: false,
      nodeModule: false,
      requestId: "req-cold",
      text: "cold start",
    });
    assert.match(result.contentType, /^text\/event-stream/);
  });

  test("on a Node without process.getBuiltinModule, loads node:module at the first request, not at import", async () => {
    const result = JSON.parse(await runChild(server.url, "old-node"));
    assert.equal(result.afterImport.nodeModule, false);
    assert.equal(result.afterStream.nodeModule, true);
    assert.equal(result.afterStream.text, "cold start");
  });
});
