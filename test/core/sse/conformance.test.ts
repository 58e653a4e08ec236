// Runs every vector of the SSE conformance suite (derived from web-platform-tests
// and eventsource-parser) through the parser and the byte decoder, whole and in
// every way of cutting it that matters: the vector's own chunks, two parts at
// every byte position (split UTF-8 sequences and split CRLFs), and many random
// pieces.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type ConformanceCase,
  expectedItems,
  loadConformanceCases,
  type RunResult,
  randomPieces,
  runBytes,
  runText,
  seededRandom,
  utf8,
} from "./sse-test-helpers.js";

const cases = loadConformanceCases();

function check(c: ConformanceCase, actual: RunResult, how: string): void {
  assert.deepEqual(actual.items, expectedItems(c), `${c.name}: items differ when ${how}`);
  if (c.expected_comments) {
    assert.deepEqual(
      actual.comments,
      c.expected_comments,
      `${c.name}: comments differ when ${how}`,
    );
  }
}

test("the conformance suite holds the 61 vectors it is documented to hold", () => {
  assert.equal(cases.length, 61);
  assert.equal(new Set(cases.map((c) => c.name)).size, 61);
});

for (const c of cases) {
  describe(`conformance vector ${c.name}`, () => {
    test("yields the expected output when its text is fed whole", () => {
      check(c, runText([c.input]), "fed whole");
    });

    const chunks = c.chunks;
    if (chunks) {
      test("yields the expected output when fed in the chunks of its source", () => {
        assert.equal(chunks.join(""), c.input, "the chunks must add up to the input");
        check(c, runText(chunks), "fed in its own chunks");
        check(c, runBytes(chunks.map(utf8)), "its chunks are pushed as bytes");
      });
    }

    test("yields the expected output when its bytes are split in two at every position", () => {
      const bytes = utf8(c.input);
      for (let at = 0; at <= bytes.length; at++) {
        const pieces = [bytes.subarray(0, at), bytes.subarray(at)];
        check(c, runBytes(pieces), `split at byte ${at}`);
      }
    });

    test("yields the expected output when its bytes arrive in random small pieces", () => {
      const bytes = utf8(c.input);
      const random = seededRandom(0x5e5 + c.name.length);
      for (let round = 0; round < 20; round++) {
        check(c, runBytes(randomPieces(bytes, random, 1, 9)), `in random pieces (round ${round})`);
      }
    });
  });
}
