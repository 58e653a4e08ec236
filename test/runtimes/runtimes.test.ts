import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { repoRoot } from "../helpers/paths.js";
import { skipUnless } from "../helpers/requirements.js";

const bin = join(repoRoot, ".runtimes", "node_modules", ".bin");
const smoke = join(repoRoot, "test", "runtimes", "smoke.mjs");
const dist = pathToFileURL(join(repoRoot, "dist", "core", "index.js")).href;

/** Each runtime: the version installed, and how it runs the smoke script (Deno: network and read access only). */
const runtimes: Record<string, { label: string; args: (script: string) => string[] }> = {
  node: { label: "Node 24", args: (script) => [script] },
  bun: { label: "Bun", args: (script) => ["run", script] },
  deno: {
    label: "Deno",
    args: (script) => ["run", "--no-prompt", "--allow-net=127.0.0.1", "--allow-read", script],
  },
};

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe("the built package on other runtimes", () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
  });
  after(() => emulator.close());

  for (const [name, { label, args: argsFor }] of Object.entries(runtimes)) {
    const path = join(bin, name);
    const skip = skipUnless(
      existsSync(path)
        ? false
        : `${label} is not installed in .runtimes/ (bash scripts/install-runtimes.sh installs it)`,
      `the built package on ${label}`,
    );
    test(
      `${label}: streams, reports a cut stream, aborts, disposes, relays, tees, parses, runs tools, resumes, converses, embeds, uploads and speaks`,
      { skip, timeout: 90_000 },
      async () => {
        assert.ok(
          existsSync(join(repoRoot, "dist", "core", "index.js")),
          "run `npm run build` first",
        );
        const { code, out, err } = await run(path, [...argsFor(smoke), dist, emulator.url]);
        assert.equal(code, 0, `${label} exited ${code}: ${err}`);
        const line = out.trim().split("\n").at(-1) ?? "";
        assert.deepEqual(JSON.parse(line), {
          text: "hello from every runtime",
          cut: "IncompleteStreamError",
          abort: "RequestAbortedError",
          dispose: "function",
          relay: "relayed",
          tee: "two sides | two sides",
          parse: "boolean",
          tools: "user,assistant,tool,assistant",
          resume: "same text, 1 resume",
          conversation: "a conversation (conv_), IncompleteStreamError",
          resources: "2x1024, uploaded bytes, Every runtime speaks.",
        });
      },
    );
  }
});

describe("Node 24's proxy variables and the Node transport", () => {
  const node24 = join(bin, "node");
  const skip = skipUnless(
    existsSync(node24)
      ? false
      : "Node 24 is not installed in .runtimes/ (bash scripts/install-runtimes.sh installs it)",
    "the Node transport behind HTTP_PROXY on Node 24",
  );
  let emulator: RunningEmulator;
  let proxy: Server;
  /** The absolute URLs the proxy forwarded. */
  const forwarded: string[] = [];
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    // A forward proxy for http targets: the request line carries the absolute URL.
    proxy = createServer((req, res) => {
      forwarded.push(req.url ?? "");
      const target = new URL(req.url ?? "");
      const upstream = httpRequest(
        target,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await emulator.close();
  });

  test(
    "with NODE_USE_ENV_PROXY=1 the stream goes through HTTP_PROXY, as Node's own clients do; without it, straight",
    { skip, timeout: 90_000 },
    async () => {
      const entry = pathToFileURL(join(repoRoot, "dist", "node", "main.js")).href;
      const script = join(repoRoot, "test", "runtimes", "env-proxy.mjs");
      const { port } = proxy.address() as AddressInfo;
      const proxied = { HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: "" };

      const through = await run(node24, [script, entry, emulator.url], {
        ...proxied,
        NODE_USE_ENV_PROXY: "1",
      });
      assert.equal(through.code, 0, through.err);
      assert.deepEqual(JSON.parse(through.out.trim()), { text: "through the proxy" });
      assert.deepEqual(forwarded, [`${emulator.url}/v1/chat/completions`]);

      const straight = await run(node24, [script, entry, emulator.url], proxied);
      assert.equal(straight.code, 0, straight.err);
      assert.deepEqual(JSON.parse(straight.out.trim()), { text: "through the proxy" });
      assert.equal(forwarded.length, 1, "without NODE_USE_ENV_PROXY the proxy is not used");
    },
  );
});
