// Resume on every recorded Mistral stream: the body is cut (the socket reset)
// at several byte offsets, the resumed request is answered with the whole
// recording again (as the API's reply starts with the prefix), and the client
// must give exactly the text of the uncut stream, once. Where the cut falls
// after a tool call or thinking, it must not resume: one request, the cut's
// own IncompleteStreamError.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { recordedStreams } from "../helpers/recorded-streams.js";
import {
  type CompletionEvent,
  type EventStream,
  IncompleteStreamError,
  Mistral,
} from "../helpers/sdk.js";
import { seededRandom, startTestServer, type TestServer } from "../helpers/test-server.js";

const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};

async function read(stream: EventStream<CompletionEvent>) {
  let text = "";
  for await (const event of stream) {
    for (const choice of event.data.choices) {
      if (choice.index === 0 && typeof choice.delta.content === "string")
        text += choice.delta.content;
    }
  }
  return { text, final: stream.snapshot };
}

describe("resume on every recorded stream, cut at several offsets", { timeout: 110_000 }, () => {
  let server: TestServer;
  let body = Buffer.alloc(0);
  const outcomes = { resumed: 0, blocked: 0 };
  /** Where to cut the next request's body; every request after it gets the whole body. */
  let cutNext: number | undefined;
  before(async () => {
    server = await startTestServer((_req, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      const cut = cutNext;
      cutNext = undefined;
      if (cut === undefined) return void res.end(body);
      res.write(body.subarray(0, cut), () => res.socket?.destroy());
    });
  });
  after(() => server.close());

  const random = seededRandom(91);
  for (const [name, text] of recordedStreams()) {
    test(name, async () => {
      body = Buffer.from(text);
      const plain = new Mistral({ serverURL: server.url, retryConfig: { strategy: "none" } });
      const resuming = new Mistral({
        serverURL: server.url,
        retryConfig: { strategy: "none" },
        resume: { maxAttempts: 1 },
      });
      cutNext = undefined;
      let uncut: Awaited<ReturnType<typeof read>>;
      try {
        uncut = await read(await plain.chat.stream(request));
      } catch {
        return; // a recording that fails whole (a server error inside it) has nothing to resume to
      }
      const done = body.indexOf("data: [DONE]");
      const offsets = new Set([1, 40, Math.floor(done / 2), done - 1]);
      while (offsets.size < 8) offsets.add(1 + Math.floor(random() * (done - 1)));
      for (const offset of [...offsets].filter((o) => o > 0 && o < done).sort((a, b) => a - b)) {
        cutNext = offset;
        const before = server.requests.length;
        const stream = await resuming.chat.stream(request);
        try {
          const resumed = await read(stream);
          assert.equal(resumed.text, uncut.text, `${name} cut at ${offset}`);
          assert.equal(stream.stats.resumes, 1, `${name} cut at ${offset}`);
          assert.equal(server.requests.length - before, 2);
          outcomes.resumed++;
        } catch (error) {
          // Not resumable: the cut came after a tool call or thinking.
          assert.ok(
            error instanceof IncompleteStreamError,
            `${name} cut at ${offset}: ${String(error)}`,
          );
          const partial = error.partial.response?.choices ?? [];
          const blocked = partial.some(
            (c) => (c.message?.toolCalls?.length ?? 0) > 0 || Array.isArray(c.message?.content),
          );
          assert.ok(blocked, `${name} cut at ${offset} was not resumed: ${error.message}`);
          assert.equal(stream.stats.resumes, 0);
          outcomes.blocked++;
        }
      }
    });
  }
  test("both paths were taken: cuts resumed, and cuts after a tool call or thinking left alone", () => {
    // Runs last (tests run in order): every recording above has been cut by now.
    assert.ok(outcomes.resumed > 200, JSON.stringify(outcomes));
    assert.ok(outcomes.blocked > 10, JSON.stringify(outcomes));
  });
});
