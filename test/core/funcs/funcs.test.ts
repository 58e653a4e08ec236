// The function API: `MistralCore` and one standalone function per method, at
// the official client's paths and names, each returning a `Result`.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chatComplete } from "../../../src/core/funcs/chatComplete.js";
import { chatStream } from "../../../src/core/funcs/chatStream.js";
import { embeddingsCreate } from "../../../src/core/funcs/embeddingsCreate.js";
import { modelsList } from "../../../src/core/funcs/modelsList.js";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { repoRoot } from "../../helpers/paths.js";
import {
  InvalidRequestError,
  MistralCore,
  RequestAbortedError,
  SDKError,
} from "../../helpers/sdk.js";

const request = (content: string) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content }],
});

describe("the function API", () => {
  let emulator: RunningEmulator;
  let client: MistralCore;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = new MistralCore({ serverURL: emulator.url, retryConfig: { strategy: "none" } });
  });
  after(() => emulator.close());

  test("chatStream gives { ok: true, value } with the stream a method call gives", async () => {
    const result = await chatStream(client, request("Reply with exactly: functions stream"));
    assert.equal(result.ok, true);
    let text = "";
    for await (const event of result.value!) text += event.data.choices[0]?.delta.content ?? "";
    assert.equal(text, "functions stream");
  });

  test("whole answers, lists and vectors come back as values", async () => {
    const reply = await chatComplete(client, request("Reply with exactly: whole"));
    assert.ok(reply.ok);
    assert.equal(reply.value.choices?.[0]?.message?.content, "whole");
    const models = await modelsList(client);
    assert.ok(models.ok && (models.value.data?.length ?? 0) > 0);
    const vectors = await embeddingsCreate(client, { model: "mistral-embed", inputs: ["a"] });
    assert.ok(vectors.ok);
    assert.equal(vectors.value.data[0]?.embedding?.length, 1024);
  });

  test("failures are { ok: false, error } with the typed error, never thrown", async () => {
    const bad = await chatComplete(client, {
      model: "no-such-model",
      messages: request("x").messages,
    });
    assert.equal(bad.ok, false);
    assert.ok(bad.error instanceof SDKError, String(bad.error));
    assert.equal(bad.error.statusCode, 400);
    const invalid = await chatStream(client, { model: "", messages: [] });
    assert.ok(!invalid.ok && invalid.error instanceof InvalidRequestError);
    const aborted = await chatStream(client, request("hi"), { signal: AbortSignal.abort() });
    assert.ok(!aborted.ok && aborted.error instanceof RequestAbortedError, String(aborted.error));
    const notAClient = await chatStream({} as MistralCore, request("hi"));
    assert.ok(!notAClient.ok && notAClient.error instanceof InvalidRequestError);
    assert.match(notAClient.error.message, /MistralCore/);
  });

  test("every function has the official client's name, one file per function", () => {
    const ours = readdirSync(join(repoRoot, "src/core/funcs")).map((f) => f.replace(/\.ts$/, ""));
    const official = new Set(
      readdirSync(join(repoRoot, "node_modules/@mistralai/mistralai/esm/funcs"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => f.replace(/\.js$/, "")),
    );
    assert.ok(ours.length >= 50, `${ours.length} functions`);
    assert.deepEqual(
      ours.filter((name) => !official.has(name)),
      [],
      "names the official client does not have",
    );
  });
});
