// A request argument that is not of the method's shape is refused before
// sending with SDKValidationError, the official client's name for it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Mistral as Official } from "@mistralai/mistralai";
import { InvalidRequestError, Mistral, SDKValidationError } from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

describe("request validation", { timeout: 20_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.end("{}");
    });
  });
  after(() => server.close());

  const bad = { messages: [{ role: "user" as const, content: "hi" }] } as unknown as {
    model: string;
    messages: Array<{ role: "user"; content: string }>;
  };

  test("a missing model is an SDKValidationError, as with the official client, and nothing is sent", async () => {
    const client = new Mistral({ apiKey: "k", serverURL: server.url });
    const error = await client.chat.stream(bad).then(
      () => assert.fail("resolved"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SDKValidationError);
    assert.ok(error instanceof InvalidRequestError, "still an InvalidRequestError");
    assert.equal(error.name, "SDKValidationError");
    assert.equal(error.rawValue, bad);
    assert.match(error.rawMessage, /request\.model must be a non-empty string/);
    assert.equal(error.pretty(), error.message);

    const official = new Official({ apiKey: "k", serverURL: server.url });
    const theirs = await official.chat.stream(bad).then(
      () => assert.fail("resolved"),
      (e: unknown) => e as Error,
    );
    assert.equal(theirs.name, error.name);
    assert.equal(server.requests.length, 0);
  });

  test("other resources and the function API refuse the same way", async () => {
    const client = new Mistral({ apiKey: "k", serverURL: server.url });
    const calls: Array<() => Promise<unknown>> = [
      () => client.embeddings.create(null as never),
      () => client.models.retrieve({ modelId: "" }),
      () => client.files.retrieve({ fileId: "" }),
      () => client.beta.conversations.start({ inputs: 42 } as never),
    ];
    for (const call of calls) {
      await assert.rejects(call(), SDKValidationError);
    }
    assert.equal(server.requests.length, 0);
  });
});
