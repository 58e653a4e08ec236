// stream.tee(): two independent streams of the same events, bounded
// buffering, one side's cancel leaving the other alone, and the connection
// released (seen from the server) once both sides are done.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  IncompleteStreamError,
  InvalidRequestError,
  type Mistral,
  StreamBufferOverflowError,
} from "../../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  destroyWhenFlushed,
  doneEvent,
  request,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "../../reliability/helpers.js";

const words = Array.from({ length: 40 }, (_, i) => `w${i} `);

describe("stream.tee()", () => {
  let server: TrackedServer;
  let client: Mistral;
  let mode: "whole" | "cut" | "slow" = "whole";
  before(async () => {
    server = await startTrackedServer(async (_req, res) => {
      beginStream(res);
      for (const [i, word] of words.entries()) {
        res.write(chunk(word));
        if (mode === "cut" && i === 9) {
          destroyWhenFlushed(res);
          return;
        }
        if (mode === "slow") await sleep(5);
      }
      res.end(doneEvent);
    });
    client = clientFor(server);
  });
  after(() => server.close());

  const text = async (
    stream: AsyncIterable<{ data: { choices: Array<{ delta: { content?: unknown } }> } }>,
  ) => {
    let out = "";
    for await (const e of stream) out += String(e.data.choices[0]?.delta.content ?? "");
    return out;
  };

  test("both sides get every event, read concurrently or one after the other, with every helper", async () => {
    mode = "slow";
    const [a, b] = (await client.chat.stream(request)).tee();
    const [left, right] = await Promise.all([text(a), b.finalResponse()]);
    assert.equal(left, words.join(""));
    assert.equal(right.choices[0]?.message?.content, words.join(""));
    const [c, d] = (await client.chat.stream(request)).tee();
    assert.equal(await text(c), words.join(""), "one side read to its end first");
    const pieces: string[] = [];
    for await (const piece of d.textStream()) pieces.push(piece);
    assert.deepEqual(pieces, words);
    await server.waitForIdle(2000);
  });

  test("a failure reaches both sides as the same typed error with the same partial result", async () => {
    mode = "cut";
    const [a, b] = (await client.chat.stream(request)).tee();
    const [ea, eb] = await Promise.all([text(a).catch((e) => e), text(b).catch((e) => e)]);
    for (const error of [ea, eb]) {
      assert.ok(error instanceof IncompleteStreamError, String(error));
      assert.equal(error.partial.text, words.slice(0, 10).join(""));
      assert.equal(error.retryable, true);
    }
    assert.equal(ea.message, eb.message);
  });

  test("cancelling one side leaves the other running; the connection is released when both are done", async () => {
    mode = "slow";
    const [a, b] = (await client.chat.stream(request)).tee();
    for await (const _ of a) break;
    assert.equal(server.busy(), 1, "the other side still needs the connection");
    assert.equal(await text(b), words.join(""));
    await server.waitForIdle(2000);
    const [c, d] = (await client.chat.stream(request)).tee();
    await c.next();
    await c.close();
    await d.next();
    await d.close();
    await server.waitForIdle(2000);
  });

  test("a side that falls more than maxBufferedBytes behind is stopped with StreamBufferOverflowError; the other goes on", async () => {
    mode = "whole";
    const [fast, slow] = (await client.chat.stream(request)).tee({ maxBufferedBytes: 1024 });
    assert.equal(await text(fast), words.join(""));
    const error = await text(slow).catch((e) => e);
    assert.ok(error instanceof StreamBufferOverflowError, String(error));
    assert.equal(error.limit, 1024);
    await server.waitForIdle(2000);
  });

  test("tee() needs an unread stream and a positive buffer size", async () => {
    mode = "whole";
    const stream = await client.chat.stream(request);
    assert.throws(() => stream.tee({ maxBufferedBytes: 0 }), InvalidRequestError);
    await stream.next();
    assert.throws(() => stream.tee(), InvalidRequestError);
    await stream.close();
    const teed = await client.chat.stream(request);
    teed.tee();
    assert.throws(() => teed[Symbol.asyncIterator](), InvalidRequestError);
    await teed.close();
    await server.waitForIdle(2000);
  });
});
