// `mistral-stream chat --resume <n>`: an answer whose stream the emulator cuts
// is printed whole, once, and --stats says it was resumed; without the flag
// the cut is an error (exit 4).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { runCli } from "./cli-harness.js";

const prompt = "Tell me about the history of bridges.";

describe("mistral-stream chat --resume", { timeout: 90_000 }, () => {
  let clean: RunningEmulator;
  let cutting: RunningEmulator;
  before(async () => {
    clean = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    // The first two streams are cut after 6 events, the rest run whole.
    cutting = await startEmulator({
      tokensPerSecond: 0,
      timeToFirstTokenMs: 0,
      faults: ["drop-after-events=6;count=2"],
    });
  });
  after(async () => {
    await clean.close();
    await cutting.close();
  });

  test("a cut answer is resumed and printed whole, once", async () => {
    const uncut = await runCli(["chat", "--server-url", clean.url, prompt]);
    assert.equal(uncut.code, 0, uncut.stderr);
    const refused = await runCli(["chat", "--server-url", cutting.url, prompt]);
    assert.equal(refused.code, 4, refused.stderr);
    const resumed = await runCli([
      "chat",
      "--resume",
      "2",
      "--stats",
      "--server-url",
      cutting.url,
      prompt,
    ]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.stdout, uncut.stdout);
    assert.match(resumed.stderr, /1 resume\b/);
  });

  test("--resume takes a non-negative integer", async () => {
    const result = await runCli(["chat", "--resume", "-1", "--server-url", clean.url, "hi"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--resume/);
  });
});
