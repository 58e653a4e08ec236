// The incremental partial JSON parser: what an unfinished text shows (strings,
// numbers, literals, keys), that the result never depends on how the text was
// cut, that the final value is JSON.parse's, and that the work is linear.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PartialJsonParser } from "../../../src/core/app/partial-json.js";
import { seededRandom } from "../../helpers/test-server.js";

const partialOf = (text: string) => {
  const parser = new PartialJsonParser();
  parser.feed(text);
  return parser.value;
};

describe("PartialJsonParser", () => {
  test("an unfinished text shows what it can only become", () => {
    const cases: [string, unknown][] = [
      ["", undefined],
      ["{", {}],
      ['{"na', {}],
      ['{"name"', {}],
      ['{"name":', {}],
      ['{"name": "Par', { name: "Par" }],
      ['{"name": "Paris", "n": -', { name: "Paris" }],
      ['{"n": 12', { n: 12 }],
      ['{"n": 1.', { n: 1 }],
      ['{"n": 1.5e', { n: 1.5 }],
      ['{"n": 1.5e-3', { n: 0.0015 }],
      ['{"ok": t', { ok: true }],
      ['{"ok": fal', { ok: false }],
      ['{"x": n', { x: null }],
      ['{"list": [1, 2', { list: [1, 2] }],
      ['{"list": ["a", "b', { list: ["a", "b"] }],
      ['{"list": [{"k": "v"}, {"k"', { list: [{ k: "v" }, {}] }],
      ["[[], [1], [", [[], [1], []]],
      ['"just a str', "just a str"],
      ['{"esc": "a\\n\\"b\\u00e', { esc: 'a\n"b' }],
      ['{"esc": "\\u00e9"}', { esc: "é" }],
      ['{"a": {"b": {"c": [true, false, null]}}}', { a: { b: { c: [true, false, null] } } }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(partialOf(text), expected, text);
  });

  test("text that is not JSON stops the updates and says so", () => {
    for (const text of ['{"a": 1} x', "{a: 1}", '{"a": tx}', '{"a" 1}', "[1,,", '{"a": 01}']) {
      const parser = new PartialJsonParser();
      parser.feed(text);
      assert.equal(parser.failed, true, text);
    }
    const ok = new PartialJsonParser();
    ok.feed('  {"a": [1, "2", {"b": null}]}  \n');
    assert.equal(ok.failed, false);
    assert.equal(ok.complete, true);
  });

  test("however the text is cut, every step shows what the text so far parses to, and the end is JSON.parse's", () => {
    const random = seededRandom(7);
    const docs = [
      { name: "Zoë 😀", tags: ["a\\b", 'q"uote', "tab\t"], n: -12.5e-3, ok: true, none: null },
      [1, [2, [3, [4]]], { deep: { deeper: { deepest: "x".repeat(50) } } }],
      { list: Array.from({ length: 30 }, (_, i) => ({ i, s: `item ${i}`, f: i % 2 === 0 })) },
      "a top-level string with \u2028 and \\u escapes \u0001",
    ];
    for (const doc of docs) {
      const text = JSON.stringify(doc, null, random() < 0.5 ? 2 : undefined);
      for (let round = 0; round < 20; round++) {
        const parser = new PartialJsonParser();
        let at = 0;
        while (at < text.length) {
          const size = 1 + Math.floor(random() * 7);
          parser.feed(text.slice(at, at + size));
          at += size;
          assert.deepEqual(parser.value, partialOf(text.slice(0, at)), text.slice(0, at));
        }
        assert.deepEqual(parser.value, JSON.parse(text));
        assert.equal(parser.failed, false);
      }
    }
  });

  test("the work is linear in the text: 4× the text in 4-byte chunks costs about 4× (not 16×)", () => {
    const item = (i: number) => ({
      id: i,
      title: `entry number ${i}`,
      score: i / 7,
      on: i % 3 === 0,
    });
    const make = (n: number) =>
      JSON.stringify({ items: Array.from({ length: n }, (_, i) => item(i)) });
    // CPU time, not wall time (the suite runs files side by side), best of five runs taken
    // in turns, so that a loaded machine slows both sizes alike.
    const once = (text: string) => {
      const start = process.cpuUsage();
      const parser = new PartialJsonParser();
      for (let i = 0; i < text.length; i += 4) parser.feed(text.slice(i, i + 4));
      const used = process.cpuUsage(start);
      assert.equal((parser.value as { items: unknown[] }).items.length > 0, true);
      return used.user + used.system;
    };
    const small = make(3_500); // ~250 KB
    const large = make(14_000); // ~1 MB
    assert.ok(large.length > 1_000_000, String(large.length));
    once(small); // warm up
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      bestSmall = Math.min(bestSmall, once(small));
      bestLarge = Math.min(bestLarge, once(large));
    }
    const ratio = bestLarge / bestSmall;
    assert.ok(ratio < 9, `4× the text cost ${ratio.toFixed(1)}× the time`);
  });
});
