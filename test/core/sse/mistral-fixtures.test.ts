// Real Mistral stream bodies: read whole or in tiny reads, they must give the
// same events and end with `[DONE]`; and once over a real HTTP connection.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createSseDecoder, type ServerSentEvent } from "../../../src/core/sse/index.js";
import { fixturePath } from "../../helpers/paths.js";
import { randomPieces, runBytes, seededRandom } from "./sse-test-helpers.js";

const dir = fixturePath("mistral", "sse");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".sse"))
  .sort();

// This body was pasted from a terminal into a markdown fence, which swallowed
// the blank line after `data: [DONE]` (see test/fixtures/PROVENANCE.md,
// "PASTED"). Its `[DONE]` block is therefore unterminated and, per WHATWG, not
// dispatched.
const pasted = new Set(["llm-provider-reference.2024-11.curl-stream-max-tokens.sse"]);

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${dir}/${file}`));
}

test("the fixture directory holds the Mistral stream bodies", () => {
  assert.ok(files.length >= 40, `only ${files.length} .sse files found`);
});

test("only the pasted fixture lacks the blank line after its last event", () => {
  const unterminated = files.filter((f) => !Buffer.from(read(f)).toString("utf8").endsWith("\n\n"));
  assert.deepEqual(unterminated, [...pasted]);
});

for (const file of files) {
  test(`${file} gives the same events whole and in random 1-7 byte reads`, () => {
    const bytes = read(file);
    const whole = runBytes([bytes]);
    assert.ok(whole.items.length > 1, "expected several events");
    const random = seededRandom(7 + file.length);
    for (let round = 0; round < 3; round++) {
      assert.deepEqual(runBytes(randomPieces(bytes, random, 1, 7)), whole, `round ${round}`);
    }
    const last = whole.items.at(-1);
    assert.ok(last?.type === "event");
    if (pasted.has(file)) {
      assert.notEqual(last.data, "[DONE]", "an unterminated final block must be discarded");
      const repaired = runBytes([bytes, new Uint8Array([10])]).items.at(-1);
      assert.ok(repaired?.type === "event");
      assert.equal(repaired.data, "[DONE]");
    } else {
      assert.equal(last.data, "[DONE]");
    }
    for (const item of whole.items) {
      assert.ok(item.type === "event" && item.event === null && item.block_id === null);
    }
  });
}

test(
  "a body served over HTTP in odd-sized writes decodes like the file",
  { timeout: 10_000 },
  async () => {
    const file = "pydantic-ai.2025-11.magistral-thinking-stream.sse";
    const bytes = read(file);
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      const pieces = randomPieces(bytes, seededRandom(99), 1, 700);
      const writeNext = (i: number): void => {
        if (i === pieces.length) {
          res.end();
          return;
        }
        res.write(pieces[i]);
        setImmediate(writeNext, i + 1);
      };
      writeNext(0);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`);
      const events: ServerSentEvent[] = [];
      const decoder = createSseDecoder({ onEvent: (e) => events.push(e) });
      assert.ok(response.body, "the response has a body");
      const reader = response.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) decoder.push(r.value);
      decoder.end();
      const expected = runBytes([bytes]).items.map((i) => (i.type === "event" ? i.data : ""));
      assert.deepEqual(
        events.map((e) => e.data),
        expected,
      );
      assert.equal(events.at(-1)?.data, "[DONE]");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },
);
