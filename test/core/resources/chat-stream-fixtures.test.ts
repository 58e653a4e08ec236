import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recordedStreams } from "../../helpers/recorded-streams.js";
import { Mistral } from "../../helpers/sdk.js";
import {
  seededRandom,
  splitRandomly,
  sseHeaders,
  startTestServer,
  type TestServer,
  writePieces,
} from "../../helpers/test-server.js";

/** SSE bodies: the recordings as is, and the chunk lists re-framed as their source project does. */
const bodies = recordedStreams();
const names = [...bodies.keys()];

interface Expected {
  chunks: number;
  text: string;
  finishReasons: string[];
  completionTokens: number | undefined;
}

/** What a stream must add up to, computed straight from the wire text. */
function expectedFrom(body: string): Expected {
  const datas = body
    .split(/\n\n/)
    .map((block) => block.trim())
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice(6));
  assert.equal(datas.at(-1), "[DONE]");
  const chunks = datas.slice(0, -1).map((d) => JSON.parse(d));
  let text = "";
  const finishReasons: string[] = [];
  let completionTokens: number | undefined;
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      if (choice.index === 0 && typeof choice.delta.content === "string")
        text += choice.delta.content;
      if (choice.finish_reason) finishReasons.push(choice.finish_reason);
    }
    if (chunk.usage) completionTokens = chunk.usage.completion_tokens;
  }
  return { chunks: chunks.length, text, finishReasons, completionTokens };
}

describe("streaming every recorded Mistral stream", () => {
  let server: TestServer;
  let mode: { name: string; pieces: "whole" | number } = { name: "", pieces: "whole" };

  before(async () => {
    server = await startTestServer(async (_req, res) => {
      const bytes = Buffer.from(bodies.get(mode.name) ?? "");
      res.writeHead(200, sseHeaders);
      if (mode.pieces === "whole") res.end(bytes);
      else {
        await writePieces(res, splitRandomly(bytes, 7, seededRandom(mode.pieces)));
        res.end();
      }
    });
  });
  after(() => server.close());

  for (const name of names) {
    for (const pieces of ["whole", 1, 2] as const) {
      test(`${name} read ${pieces === "whole" ? "whole" : `in random 1-7 byte reads (seed ${pieces})`} yields every chunk and the full text`, async () => {
        mode = { name, pieces };
        const expected = expectedFrom(bodies.get(name) ?? "");
        const client = new Mistral({ apiKey: "test-key", serverURL: server.url });
        await using stream = await client.chat.stream({
          model: "mistral-small-latest",
          messages: [{ role: "user", content: "hi" }],
        });
        let chunks = 0;
        let text = "";
        const finishReasons: string[] = [];
        let completionTokens: number | undefined;
        for await (const event of stream) {
          chunks++;
          for (const choice of event.data.choices) {
            const content = choice.delta.content;
            if (choice.index === 0 && typeof content === "string") text += content;
            if (choice.finishReason) finishReasons.push(choice.finishReason);
          }
          if (event.data.usage) completionTokens = event.data.usage.completionTokens;
        }
        assert.deepEqual({ chunks, text, finishReasons, completionTokens }, expected);
        assert.equal(stream.requestId, sseHeaders["mistral-correlation-id"]);
      });
    }
  }

  test("the request carries stream: true, Accept: text/event-stream and the bearer key", async () => {
    mode = { name: names[0] as string, pieces: "whole" };
    const client = new Mistral({ apiKey: "test-key", serverURL: server.url });
    const stream = await client.chat.stream({
      model: "m",
      messages: [{ role: "user", content: "x" }],
    });
    for await (const _ of stream) {
      // drain
    }
    const request = server.requests.at(-1);
    assert.ok(request);
    assert.equal(request.url, "/v1/chat/completions");
    assert.equal(request.headers.accept, "text/event-stream");
    assert.equal(request.headers.authorization, "Bearer test-key");
    assert.equal(request.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(request.body), {
      model: "m",
      messages: [{ role: "user", content: "x" }],
      stream: true,
    });
  });
});
