// chat.parse() as a drop-in for the official client's: the same call, with the
// same zod schema, sends the same response_format (the name aside: the
// official client sends a placeholder), and each gets its reply parsed. It
// also shows the official client accepting the emulator's structured answers.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Mistral as Official } from "@mistralai/mistralai";
import { z } from "zod";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type RecordingProxy, startRecordingProxy } from "../../helpers/recording-proxy.js";
import { Mistral } from "../../helpers/sdk.js";

const Step = z.object({ explanation: z.string(), output: z.string() });
const Solution = z.object({
  steps: z.array(Step),
  finalAnswer: z.string(),
  note: z.string().optional(),
});

describe("chat.parse against the official client's (emulator)", () => {
  let emulator: RunningEmulator;
  let proxy: RecordingProxy;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    proxy = await startRecordingProxy(emulator.url);
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  test("the same call sends the same json_schema format and gets the same parsed value", async () => {
    const request = {
      model: "mistral-small-latest",
      messages: [{ role: "user" as const, content: "How can I solve 8x + 7 = -23?" }],
      responseFormat: Solution,
    };
    const official = new Official({ apiKey: "test", serverURL: proxy.url });
    const ours = new Mistral({ apiKey: "test", serverURL: proxy.url });
    const theirs = await official.chat.parse(request);
    const mine = await ours.chat.parse(request);
    const [theirBody, myBody] = proxy.bodies.slice(-2) as {
      response_format: { type: string; json_schema: Record<string, unknown> };
    }[];
    const { name: _theirName, ...theirFormat } = theirBody?.response_format.json_schema ?? {};
    const { name: _myName, ...myFormat } = myBody?.response_format.json_schema ?? {};
    assert.deepEqual(myFormat, theirFormat);
    assert.equal(theirBody?.response_format.type, "json_schema");
    assert.equal(myBody?.response_format.type, "json_schema");
    const theirParsed = theirs.choices?.[0]?.message?.parsed;
    assert.ok(theirParsed, "the official client accepted the emulator's reply");
    // (The names differ, so the emulator's answers do too: each is checked on its own.)
    const mineParsed = mine.choices[0]?.message?.parsed;
    assert.ok(mineParsed);
    assert.deepEqual(
      Solution.parse(JSON.parse(mine.choices[0]?.message?.content as string)),
      mineParsed,
    );
    assert.ok(Solution.safeParse(theirParsed).success);
  });
});
