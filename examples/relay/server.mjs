#!/usr/bin/env node
// Starts the relay example on Node, Bun or Deno, unchanged:
//
//   node examples/relay/server.mjs          (an emulator is started when no upstream is set)
//   bun examples/relay/server.mjs
//   deno run --allow-net --allow-read --allow-env examples/relay/server.mjs
//
// Upstream: MISTRAL_SERVER_URL, else Mistral with MISTRAL_API_KEY, else (Node)
// a local emulator. PORT (default 8787) sets the port. Run `npm run build` first.
import { createRelayHandler } from "./handler.mjs";

const env = globalThis.Deno ? globalThis.Deno.env.toObject() : process.env;
const port = Number(env.PORT ?? 8787);
let serverURL = env.MISTRAL_SERVER_URL;
if (!serverURL && !env.MISTRAL_API_KEY && !globalThis.Deno && !globalThis.Bun) {
  const { startEmulator } = await import("../../dist/emulator/index.js");
  serverURL = (await startEmulator({ port: 0 })).url;
  console.error(`no MISTRAL_API_KEY: relaying to a local emulator at ${serverURL}`);
}
const handler = createRelayHandler({ serverURL, apiKey: env.MISTRAL_API_KEY });

if (globalThis.Deno) globalThis.Deno.serve({ port, hostname: "127.0.0.1" }, handler);
else if (globalThis.Bun) globalThis.Bun.serve({ port, hostname: "127.0.0.1", fetch: handler });
else {
  const { serveNode } = await import("./node-adapter.mjs");
  await serveNode(handler, { port });
}
console.error(`relay example on http://127.0.0.1:${port}/`);
