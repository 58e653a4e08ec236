// The stats clock: milliseconds that only go forward, from `process.hrtime`
// on Node, and from `performance.now()` where a runtime's `process.hrtime` is
// a stub that throws (a partial Node compatibility layer).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { statsClock } from "../../../src/core/stream/clock.js";

const clockModule = new URL("../../../src/core/stream/clock.js", import.meta.url).href;

describe("the stats clock", () => {
  test("counts milliseconds forward", async () => {
    const first = statsClock();
    const wallBefore = Date.now();
    await sleep(30);
    const second = statsClock();
    const wall = Date.now() - wallBefore;
    assert.ok(second > first, "it goes forward");
    // Milliseconds, not seconds or nanoseconds: the gap is near the wall clock's.
    assert.ok(second - first >= 25 && second - first <= wall + 50, `gap ${second - first} ms`);
  });

  test("falls back to performance.now() when process.hrtime throws", () => {
    const script = `
      process.hrtime = () => { throw new Error("not implemented"); };
      const { statsClock } = await import(${JSON.stringify(clockModule)});
      const a = statsClock();
      const b = statsClock();
      console.log(JSON.stringify({ a, b, near: Math.abs(a - performance.now()) < 1000 }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    assert.equal(child.status, 0, child.stderr);
    const { a, b, near } = JSON.parse(child.stdout);
    assert.equal(typeof a, "number");
    assert.ok(b >= a);
    assert.equal(near, true, "the reading is on performance.now()'s scale");
  });
});
