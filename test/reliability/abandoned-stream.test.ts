// A stream its caller drops without reading it to the end or closing it (an
// exception between `chat.stream()` and the loop, say) must not hold its
// connection and a timer forever: once garbage-collected, it is released.
import assert from "node:assert/strict";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Mistral } from "../helpers/sdk.js";
import { sseHeaders, startTestServer } from "../helpers/test-server.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};
const chunk = `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: "a" }, finish_reason: null }] })}\n\n`;

/** Opens a stream and drops it, in a frame of its own so no local keeps it. */
async function openAndDrop(client: Mistral, iterateOnce: boolean): Promise<void> {
  const stream = await client.chat.stream(request);
  if (iterateOnce) await stream.next();
}

for (const iterateOnce of [false, true]) {
  test(
    `a dropped stream (${iterateOnce ? "after one event" : "never iterated"}) releases its connection once collected`,
    { timeout: 20_000 },
    async () => {
      const server = await startTestServer((_req, res) => {
        res.writeHead(200, sseHeaders);
        res.write(chunk); // then hangs: only the client can end this
      });
      try {
        const client = new Mistral({ serverURL: server.url, idleTimeoutMs: 600_000 });
        for (let i = 0; i < 5; i++) await openAndDrop(client, iterateOnce);
        assert.equal(server.openSockets(), 5);
        const deadline = Date.now() + 10_000;
        while (server.openSockets() > 0 && Date.now() < deadline) {
          gc();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(server.openSockets(), 0, "every dropped stream's connection was closed");
      } finally {
        await server.close();
      }
    },
  );
}
