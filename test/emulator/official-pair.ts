/**
 * The official client and this package's, both pointed at one emulator, for
 * the tests of a `describe` block that compare them: started before its
 * tests, closed after. Kept apart from `helpers.ts` so that only the tests
 * that use the official client load it.
 */
import { after, before } from "node:test";
import { Mistral as Official } from "@mistralai/mistralai";
import { Mistral } from "../../src/core/index.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

/** The emulator and the two clients; read them inside tests (they are set by `before`). */
export interface OfficialPair {
  readonly emulator: RunningEmulator;
  readonly official: Official;
  readonly ours: Mistral;
}

/** Registers the hooks of the enclosing `describe` and returns what they set. */
export function officialAndOurs(): OfficialPair {
  const pair = {} as { emulator: RunningEmulator; official: Official; ours: Mistral };
  before(async () => {
    pair.emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    const options = { apiKey: "test-key", serverURL: pair.emulator.url };
    pair.official = new Official(options);
    pair.ours = new Mistral(options);
  });
  after(() => pair.emulator.close());
  return pair;
}
