// Fault injection, clean ends: every recorded stream cut at many offsets by a
// server that ends the response properly — the case the transport cannot tell
// from a real end, so only the missing `[DONE]` reveals it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Mistral } from "../../src/core/index.js";
import {
  type CutMode,
  cutHandler,
  describeMismatches,
  everyOffsetBelow,
  loadFixtures,
  planFor,
  playCuts,
} from "./fault-cuts.js";
import { clientFor, startTrackedServer, type TrackedServer } from "./helpers.js";

const fixtures = loadFixtures();
const modes: CutMode[] = ["end", "close"];

describe("a recorded stream cut short by a clean end of body", () => {
  let server: TrackedServer;
  let client: Mistral;
  before(async () => {
    server = await startTrackedServer(cutHandler(fixtures));
    client = clientFor(server, { idleTimeoutMs: 5000, timeoutMs: 10_000 });
  });
  after(() => server.close());

  test("covers every recorded stream, short ones at every offset", () => {
    assert.ok(fixtures.length >= 40, `${fixtures.length} fixtures`);
    const short = fixtures.filter((f) => f.bytes.length < everyOffsetBelow);
    assert.ok(short.length > 0 && short.length < fixtures.length);
    for (const f of short) assert.equal(planFor(f, 1, "end").length, f.bytes.length + 1);
  });

  fixtures.forEach((fixture, index) => {
    for (const mode of modes) {
      test(
        `${fixture.name} (${mode}) reports IncompleteStreamError with the delivered part before [DONE], and succeeds after it`,
        {
          timeout: 60_000,
        },
        async () => {
          const cuts = planFor(fixture, index + 1, mode);
          const mismatches = await playCuts(client, fixtures, index, mode, cuts);
          assert.deepEqual(mismatches, [], describeMismatches(fixture.name, mode, mismatches));
          await server.waitForIdle(500);
        },
      );
    }
  });
});
