import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FaultSpecError, parseFaultSpec, startEmulator } from "../../../src/emulator/index.js";
import { chat, chunksOf, post, splitSse, withEmulator } from "../helpers.js";

const stream = chat("Explain how tides work", { stream: true });
const fault = (spec: string) => ({ "x-emulator-fault": spec });

describe("emulator faults", () => {
  it("parses the spec language and rejects what it cannot read", () => {
    assert.deepEqual(
      parseFaultSpec(
        "status=429;count=2;retry-after=3, stall-ms=500;after-events=2;keepalive-ms=100",
      ),
      [
        { kind: "status", status: 429, count: 2, retryAfter: "3" },
        { kind: "stall", ms: 500, afterEvents: 2, keepAliveMs: 100 },
      ],
    );
    assert.deepEqual(parseFaultSpec("error-event;message=Model%20overloaded"), [
      { kind: "error-event", message: "Model overloaded" },
    ]);
    assert.throws(() => parseFaultSpec("status=42"), FaultSpecError);
    assert.throws(() => parseFaultSpec("count=2"), /names no kind/);
    assert.throws(() => parseFaultSpec("no-done;retry-after=1"), /does not apply/);
    assert.throws(() => parseFaultSpec("status=500;colour=red"), /unknown key/);
  });

  it("injects an HTTP status with a Mistral error body and Retry-After for the next K requests (option form)", async () => {
    await withEmulator({ faults: ["status=429;count=2;retry-after=2"] }, async (emu) => {
      for (let i = 0; i < 2; i++) {
        const reply = await post(emu, "/v1/chat/completions", stream);
        assert.equal(reply.status, 429);
        assert.equal(reply.headers.get("retry-after"), "2");
        assert.equal(reply.headers.get("content-type"), "application/json");
        assert.deepEqual(JSON.parse(reply.text), {
          object: "error",
          message: "Rate limit exceeded",
          type: "rate_limited",
          param: null,
          code: "1300",
          raw_status_code: 429,
        });
        assert.match(reply.headers.get("x-emulator-fault") ?? "", /status=429/);
      }
      assert.equal((await post(emu, "/v1/chat/completions", stream)).status, 200);
    });
  });

  it("counts a repeated header fault across requests, so retries eventually succeed", async () => {
    await withEmulator({}, async (emu) => {
      const headers = fault("status=503;count=1;id=retry-test");
      const first = await post(emu, "/v1/chat/completions", chat("hi"), headers);
      assert.equal(first.status, 503);
      assert.equal(first.headers.get("retry-after"), "1");
      assert.equal(JSON.parse(first.text).raw_status_code, 503);
      assert.equal((await post(emu, "/v1/chat/completions", chat("hi"), headers)).status, 200);
      const unlimited = fault("status=500");
      assert.equal((await post(emu, "/v1/chat/completions", chat("hi"), unlimited)).status, 500);
      assert.equal((await post(emu, "/v1/chat/completions", chat("hi"), unlimited)).status, 500);
    });
  });

  it("answers a fault header it cannot read with 400", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(emu, "/v1/chat/completions", chat("hi"), fault("explode=1"));
      assert.equal(reply.status, 400);
      assert.match(JSON.parse(reply.text).message, /unknown key "explode"/);
    });
    await assert.rejects(startEmulator({ faults: ["stall-ms=abc"] }), FaultSpecError);
  });

  it("stalls after K events, with keep-alive comments when asked", { timeout: 10000 }, async () => {
    await withEmulator({}, async (emu) => {
      const started = Date.now();
      const reply = await post(
        emu,
        "/v1/chat/completions",
        stream,
        fault("stall-ms=400;after-events=2;keepalive-ms=100"),
      );
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 380, `stalled ${elapsed} ms`);
      const { data, comments } = splitSse(reply.text);
      assert.ok(comments.length >= 2 && comments.length <= 4, `${comments.length} keep-alives`);
      assert.ok(comments.every((c) => c === ": keep-alive"));
      const blocks = reply.text.split("\n\n");
      assert.ok(
        blocks[0]?.startsWith("data: ") &&
          blocks[1]?.startsWith("data: ") &&
          blocks[2] === ": keep-alive",
      );
      assert.equal(data.at(-1), "[DONE]");
      const quiet = await post(emu, "/v1/chat/completions", stream, fault("stall-ms=200;id=quiet"));
      assert.equal(splitSse(quiet.text).comments.length, 0);
    });
  });

  it("drops the connection after K events, and after B bytes", { timeout: 10000 }, async () => {
    await withEmulator({ faults: ["drop-after-events=3;count=1"] }, async (emu) => {
      const cut = await post(emu, "/v1/chat/completions", stream);
      assert.equal(cut.status, 200);
      assert.equal(splitSse(cut.text).data.length, 3);
      assert.ok(!cut.text.includes("[DONE]"));
      assert.ok(cut.error !== undefined, "the client sees the body fail");
      const bytes = await post(emu, "/v1/chat/completions", stream, fault("drop-after-bytes=300"));
      assert.equal(Buffer.byteLength(bytes.text), 300);
      assert.ok(bytes.error !== undefined);
      const whole = await post(emu, "/v1/chat/completions", stream);
      assert.ok(whole.text.endsWith("data: [DONE]\n\n"), "count=1 was used up");
    });
  });

  it("sends a malformed chunk after K events and carries on", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(
        emu,
        "/v1/chat/completions",
        stream,
        fault("malformed-after-events=2"),
      );
      const { data } = splitSse(reply.text);
      assert.doesNotThrow(() => JSON.parse(data[1] ?? ""));
      assert.throws(() => JSON.parse(data[2] ?? ""));
      assert.equal(data.at(-1), "[DONE]");
    });
  });

  it("ends the stream with finish_reason error, by option and by header", async () => {
    await withEmulator({ faults: ["finish=error;count=1"] }, async (emu) => {
      for (const headers of [{}, fault("finish=error;after-events=3")]) {
        const reply = await post(emu, "/v1/chat/completions", stream, headers);
        const chunks = chunksOf(reply.text);
        assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, "error");
        assert.ok(chunks.at(-1)?.usage);
        assert.equal(chunks.filter((c) => c.choices[0]?.finish_reason).length, 1);
        assert.ok(reply.text.endsWith("data: [DONE]\n\n"));
      }
    });
  });

  it("ends the body cleanly without [DONE]", async () => {
    await withEmulator({}, async (emu) => {
      const full = await post(emu, "/v1/chat/completions", stream, fault("no-done"));
      assert.equal(full.error, undefined, "a clean end");
      assert.ok(!full.text.includes("[DONE]"));
      assert.equal(chunksOf(full.text).at(-1)?.choices[0]?.finish_reason, "stop");
      const early = await post(
        emu,
        "/v1/chat/completions",
        stream,
        fault("no-done;after-events=4"),
      );
      assert.equal(splitSse(early.text).data.length, 4);
      assert.equal(early.error, undefined);
    });
  });

  it("sends an error object as an event and ends the stream", async () => {
    await withEmulator(
      { faults: ["error-event;after-events=2;message=Model%20overloaded"] },
      async (emu) => {
        const reply = await post(emu, "/v1/chat/completions", stream);
        const { data } = splitSse(reply.text);
        assert.equal(data.length, 3);
        assert.deepEqual(JSON.parse(data[2] ?? ""), {
          object: "error",
          message: "Model overloaded",
          type: "internal_server_error",
          param: null,
          code: "1000",
        });
      },
    );
  });

  it("delays the response headers with delay-ms", { timeout: 10000 }, async () => {
    await withEmulator({}, async (emu) => {
      const started = Date.now();
      const response = await fetch(`${emu.url}/v1/models`, { headers: fault("delay-ms=300") });
      assert.ok(Date.now() - started >= 280);
      assert.equal(response.status, 200);
      await response.body?.cancel();
    });
  });

  it("leaves non-stream requests alone with stream faults", async () => {
    await withEmulator({ faults: ["drop-after-events=1"] }, async (emu) => {
      const reply = await post(emu, "/v1/chat/completions", chat("hi"));
      assert.equal(reply.status, 200);
      assert.equal(reply.error, undefined);
      assert.equal(reply.headers.get("x-emulator-fault"), null);
    });
  });
});
