// Fault injection, resets: every recorded stream cut at many offsets by a server
// that destroys the connection mid-body (the chunked framing never completes).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Mistral } from "../../src/core/index.js";
import {
  type CutMode,
  cutHandler,
  describeMismatches,
  loadFixtures,
  planFor,
  playCuts,
} from "./fault-cuts.js";
import { clientFor, startTrackedServer, type TrackedServer } from "./helpers.js";

const fixtures = loadFixtures();
const modes: CutMode[] = ["reset"];

describe("a recorded stream cut short by a connection reset", () => {
  let server: TrackedServer;
  let client: Mistral;
  before(async () => {
    server = await startTrackedServer(cutHandler(fixtures));
    client = clientFor(server, { idleTimeoutMs: 5000, timeoutMs: 10_000 });
  });
  after(() => server.close());

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
