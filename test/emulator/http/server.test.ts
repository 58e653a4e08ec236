import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startEmulator } from "../../../src/emulator/index.js";
import { chat, chunksOf, post, readReply, withEmulator } from "../helpers.js";

const stream = chat("Explain how tides work", { stream: true, max_tokens: 20 });

describe("emulator pacing and lifecycle", () => {
  it(
    "paces a stream roughly at the configured tokens per second after the first token",
    { timeout: 30_000 },
    async () => {
      await withEmulator({ tokensPerSecond: 100, timeToFirstTokenMs: 200 }, async (emu) => {
        const started = Date.now();
        const response = await fetch(`${emu.url}/v1/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(stream),
        });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        await reader.read();
        const firstAt = Date.now() - started;
        while (!(await reader.read()).done) {}
        const total = Date.now() - started;
        // Lower bounds are exact (timers never fire early); upper ones only catch a
        // gross error, since a loaded machine adds seconds.
        assert.ok(firstAt >= 180 && firstAt < 8000, `first event after ${firstAt} ms`);
        // 21 events after the role chunk at 10 ms each: about 200 ms more.
        assert.ok(
          total - firstAt >= 150 && total - firstAt < 8000,
          `streamed for ${total - firstAt} ms`,
        );
      });
    },
  );

  it("lets a request header override the pacing", { timeout: 30_000 }, async () => {
    await withEmulator({ tokensPerSecond: 2, timeToFirstTokenMs: 5000 }, async (emu) => {
      const started = Date.now();
      const reply = await post(emu, "/v1/chat/completions", stream, {
        "x-emulator-tokens-per-second": "0",
        "x-emulator-ttft-ms": "0",
      });
      // Unpaced, it would take 5 s to the first token and 10 s more to the end.
      assert.ok(Date.now() - started < 4000);
      assert.equal(chunksOf(reply.text).length, 21);
    });
  });

  it(
    "waits about as long as the stream would before a non-stream answer",
    { timeout: 30_000 },
    async () => {
      await withEmulator({ tokensPerSecond: 100, timeToFirstTokenMs: 100 }, async (emu) => {
        const started = Date.now();
        const reply = await post(
          emu,
          "/v1/chat/completions",
          chat("Explain how tides work", { max_tokens: 20 }),
        );
        const elapsed = Date.now() - started;
        assert.equal(reply.status, 200);
        assert.ok(elapsed >= 250 && elapsed < 8000, `answered after ${elapsed} ms`);
      });
    },
  );

  it(
    "closes promptly with a stream in flight, and the client sees the stream end",
    { timeout: 30_000 },
    async () => {
      const emu = await startEmulator({ tokensPerSecond: 1, timeToFirstTokenMs: 0 });
      const response = await fetch(`${emu.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(chat("Explain how tides work", { stream: true })),
      });
      const reading = readReply(response);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await emu.close();
      // The stream would last about a minute at one token per second.
      assert.ok(Date.now() - started < 5000, "close() did not wait for the stream");
      const reply = await reading;
      assert.ok(!reply.text.includes("[DONE]"));
      assert.ok(reply.text.startsWith("data: "), "the first event had arrived");
      await emu.close(); // closing twice is harmless
    },
  );
});
