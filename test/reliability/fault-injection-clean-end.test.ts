// Fault injection, clean ends: every recorded stream cut at many offsets by a
// server that ends the response properly — the case the transport cannot tell
// from a real end, so only the missing `[DONE]` reveals it. Half of the
// recordings; fault-injection-clean-end-2.test.ts has the other half.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeCuts, everyOffsetBelow, loadFixtures, planFor } from "./fault-cuts.js";

test("the cut suites cover every recorded stream, short ones at every offset", () => {
  const fixtures = loadFixtures();
  assert.ok(fixtures.length >= 40, `${fixtures.length} fixtures`);
  const short = fixtures.filter((f) => f.bytes.length < everyOffsetBelow);
  assert.ok(short.length > 0 && short.length < fixtures.length);
  for (const f of short) assert.equal(planFor(f, 1, "end").length, f.bytes.length + 1);
});

describeCuts("a recorded stream cut short by a clean end of body", ["end", "close"], 0);
