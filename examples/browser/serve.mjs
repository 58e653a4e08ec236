#!/usr/bin/env node
// Serves the browser example: the page, the built SDK (dist/) and the API on
// one origin. API requests (/v1/...) are relayed to a local emulator started
// here (or to --upstream URL), so the page needs neither CORS nor an API key.
// Builds nothing: run `npm run build` first.
//
//   node examples/browser/serve.mjs [--port 8080] [--host 127.0.0.1] [--upstream URL]
//                                   [--tokens-per-second 30]
import { existsSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = join(here, "..", "..");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Starts the example server.
 *
 * @param {object} [options]
 * @param {number} [options.port] port (default 8080; 0: any free port)
 * @param {string} [options.host] address (default 127.0.0.1)
 * @param {string} [options.upstream] API server root to relay to; default: an emulator started here
 * @param {object} [options.emulator] options of the emulator started here (e.g. `{ tokensPerSecond: 30 }`)
 * @param {string} [options.distDir] the built SDK (default: the repository's dist/)
 * @returns {Promise<{ url: string, upstream: string, close(): Promise<void> }>}
 */
export async function startExampleServer(options = {}) {
  const distDir = options.distDir ?? join(repoRoot, "dist");
  if (!existsSync(join(distDir, "core", "index.js"))) {
    throw new Error(`${join(distDir, "core", "index.js")} is missing: run \`npm run build\` first`);
  }
  let emulator;
  let upstream = options.upstream;
  if (upstream === undefined) {
    const { startEmulator } = await import(
      pathToFileURL(join(distDir, "emulator", "index.js")).href
    );
    emulator = await startEmulator({ host: "127.0.0.1", port: 0, ...options.emulator });
    upstream = emulator.url;
  }
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/v1/")) relay(req, res, upstream);
    else serveFile(req, res, distDir);
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port } = server.address();
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    upstream,
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await emulator?.close();
    },
  };
}

/** Serves the page from this folder and the SDK from dist/ (GET only, no directory listing). */
function serveFile(req, res, distDir) {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  let file;
  if (path === "/" || path === "/index.html") file = join(here, "index.html");
  else if (path === "/app.js") file = join(here, "app.js");
  else if (path.startsWith("/dist/")) {
    file = normalize(join(distDir, path.slice("/dist/".length)));
    if (!file.startsWith(distDir + sep)) file = undefined; // no escaping dist/ with ../
  }
  if (req.method !== "GET" || file === undefined || !existsSync(file)) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
    return;
  }
  res.writeHead(200, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  res.end(readFileSync(file));
}

/**
 * Relays an API request to `upstream`, streaming the answer back as it comes.
 * When the page stops reading (Stop), the upstream request is destroyed too, so
 * the API server sees the connection close.
 */
function relay(req, res, upstream) {
  const target = new URL(req.url ?? "/", upstream);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const headers = { ...req.headers, host: target.host };
  delete headers.origin;
  delete headers.referer;
  const outgoing = send(target, { method: req.method, headers, agent: false }, (incoming) => {
    res.writeHead(incoming.statusCode ?? 502, incoming.headers);
    res.flushHeaders();
    incoming.pipe(res);
  });
  outgoing.on("error", (error) => {
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ message: `Example server could not reach ${upstream}: ${error.message}` }),
      );
    }
  });
  res.on("close", () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1]);
if (isMain) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      upstream: { type: "string" },
      "tokens-per-second": { type: "string", default: "30" },
    },
  });
  try {
    const running = await startExampleServer({
      port: Number(values.port),
      host: values.host,
      upstream: values.upstream,
      emulator: { tokensPerSecond: Number(values["tokens-per-second"]) },
    });
    const source = values.upstream ? values.upstream : `the local emulator at ${running.upstream}`;
    console.log(`Browser example: open ${running.url} (API relayed to ${source}; Ctrl-C to stop)`);
    const stop = () => running.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    console.error(`serve.mjs: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
