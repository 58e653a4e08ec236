// The Node transport over TLS, as a real app talks to api.mistral.ai: the
// default `Mistral` of the Node entry, in a process that trusts the test
// certificate, streams from an HTTPS server three times on one connection.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../helpers/paths.js";

const tls = join(repoRoot, "test/fixtures/tls");
const chunk = (content: string, finish: string | null) =>
  `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

test(
  "streams over HTTPS, verifying the certificate, and keeps the connection",
  { timeout: 30_000 },
  async () => {
    let connections = 0;
    const server = createServer(
      {
        key: readFileSync(join(tls, "localhost-key.pem")),
        cert: readFileSync(join(tls, "localhost-cert.pem")),
      },
      (req, res) => {
        req.resume();
        req.on("end", () => {
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.end(`${chunk("secure ", null)}${chunk("hello", "stop")}data: [DONE]\n\n`);
        });
      },
    );
    server.on("secureConnection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const main = pathToFileURL(join(repoRoot, "dist/node/main.js")).href;
    const script = `
    const { Mistral } = await import(${JSON.stringify(main)});
    const client = new Mistral({ apiKey: "k", serverURL: "https://localhost:${port}" });
    const texts = [];
    try {
      for (let i = 0; i < 3; i++) {
        let text = "";
        for await (const e of await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] }, { retries: { strategy: "none" } }))
          text += e.data.choices[0]?.delta.content ?? "";
        texts.push(text);
      }
      console.log(JSON.stringify({ texts }));
    } catch (error) {
      console.log(JSON.stringify({ error: error.name, message: error.message }));
    }`;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
          env: { ...process.env, ...env },
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("exit", (code) => resolve({ code, out, err }));
      });
    try {
      const trusted = await run({ NODE_EXTRA_CA_CERTS: join(tls, "localhost-cert.pem") });
      assert.equal(trusted.code, 0, trusted.err);
      assert.deepEqual(JSON.parse(trusted.out).texts, [
        "secure hello",
        "secure hello",
        "secure hello",
      ]);
      assert.equal(connections, 1, "three streams, one TLS connection");
      // Without trusting the certificate, the call fails with a typed error, not a stream.
      const refused = JSON.parse((await run({ NODE_EXTRA_CA_CERTS: "" })).out);
      assert.equal(refused.error, "ConnectionError", refused.message);
      assert.match(refused.message, /certificate/i);
    } finally {
      server.close();
    }
  },
);
