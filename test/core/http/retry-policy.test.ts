import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  computeRetryDelay,
  matchesRetryCode,
  parseRetryAfter,
} from "../../../src/core/http/retry-policy.js";

const backoff = { initialInterval: 500, maxInterval: 8000, exponent: 2, maxElapsedTime: 30_000 };

describe("the retry policy", () => {
  test("a back-off wait is jittered within the upper half of base = initial × exponent^(n−1)", () => {
    for (const [attempt, base] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
      [4, 4000],
    ] as const) {
      assert.equal(
        computeRetryDelay(attempt, backoff, undefined, () => 0),
        base / 2,
      );
      assert.equal(
        computeRetryDelay(attempt, backoff, undefined, () => 1),
        base,
      );
      assert.equal(
        computeRetryDelay(attempt, backoff, undefined, () => 0.5),
        (base * 3) / 4,
      );
    }
  });

  test("maxInterval caps both the back-off and the server's hint", () => {
    assert.equal(
      computeRetryDelay(10, backoff, undefined, () => 1),
      8000,
    );
    assert.equal(computeRetryDelay(1, backoff, 60_000), 8000);
    assert.equal(computeRetryDelay(1, backoff, 250), 250);
    assert.equal(computeRetryDelay(1, backoff, -5), 0);
  });

  test("Retry-After is read in milliseconds, seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const read = (entries: Record<string, string>) => parseRetryAfter(new Headers(entries), now);
    assert.equal(read({ "retry-after-ms": "150" }), 150);
    assert.equal(read({ "retry-after": "2" }), 2000);
    assert.equal(read({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), 3000);
    assert.equal(read({ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }), 0);
    assert.equal(read({ "retry-after": "soon" }), undefined);
    assert.equal(read({}), undefined);
  });

  test("status codes match exactly or by class", () => {
    assert.equal(matchesRetryCode(503, ["5XX"]), true);
    assert.equal(matchesRetryCode(429, ["429"]), true);
    assert.equal(matchesRetryCode(404, ["429", "5XX"]), false);
    assert.equal(matchesRetryCode(500, ["4xx"]), false);
  });
});
