// The parser must cost linear time in the size of the stream however it is cut.
// Instead of timing (which flakes), these tests count the work: every character
// that String.prototype.indexOf examines and every character String.prototype.slice
// copies while the parser runs. A parser that rescans or re-slices its buffer per
// feed or per event does quadratic work and fails the bounds below.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSseParser, type SseParser } from "../../../src/core/sse/index.js";

/**
 * Runs `fn` with String.prototype.indexOf and slice instrumented and asserts
 * that each examines or copies at most `factor` characters per input character.
 * The instrumented calls throw as soon as the budget is spent, so a quadratic
 * parser fails at once instead of running for hours (a synchronous test cannot
 * be interrupted by its timeout).
 */
function assertLinear(inputLength: number, factor: number, fn: () => void): void {
  const budget = factor * inputLength;
  const proto = String.prototype;
  const { indexOf, slice } = proto;
  let scanned = 0;
  let sliced = 0;
  const check = (what: string, count: number): void => {
    if (count > budget) {
      throw new Error(
        `${what} ${count} characters for an input of ${inputLength} (budget ${budget})`,
      );
    }
  };
  proto.indexOf = function (this: string, search: string, from?: number): number {
    const found = indexOf.call(this, search, from);
    const start = Math.max(0, Math.min(from ?? 0, this.length));
    scanned += (found === -1 ? this.length : found + search.length) - start;
    check("indexOf examined", scanned);
    return found;
  };
  proto.slice = function (this: string, start?: number, end?: number): string {
    const result = slice.call(this, start, end);
    sliced += result.length;
    check("slice copied", sliced);
    return result;
  };
  try {
    fn();
  } finally {
    proto.indexOf = indexOf;
    proto.slice = slice;
  }
}

function chunkEvent(i: number): string {
  const delta = `{"content":"token ${i} ${"abcd".repeat(i % 7)}"}`;
  return `data: {"id":"c${i}","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":${delta},"finish_reason":null}]}\n\n`;
}

/** About 1 MB of chat-completion events, and the length of the longest one. */
function megabyteStream(): { text: string; events: number; longest: number } {
  const parts: string[] = [];
  let size = 0;
  let longest = 0;
  while (size < 1_000_000) {
    const event = chunkEvent(parts.length);
    parts.push(event);
    size += event.length;
    longest = Math.max(longest, event.length);
  }
  return { text: parts.join(""), events: parts.length, longest };
}

function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let pos = 0; pos < text.length; pos += size) pieces.push(text.slice(pos, pos + size));
  return pieces;
}

function feedAll(parser: SseParser, pieces: readonly string[]): void {
  for (const piece of pieces) parser.feed(piece);
}

const stream = megabyteStream();

for (const size of [1, 7, 64 * 1024]) {
  test(
    `a 1 MB stream fed ${size} characters at a time costs linear work and holds at most one event`,
    {
      timeout: 60_000,
    },
    () => {
      const pieces = cut(stream.text, size);
      let count = 0;
      let maxHeld = 0;
      const parser = createSseParser({ onEvent: () => count++ });
      assertLinear(stream.text.length, 3, () => {
        for (const piece of pieces) {
          parser.feed(piece);
          const held = parser.bufferedLength();
          if (held > maxHeld) maxHeld = held;
        }
      });
      assert.equal(count, stream.events);
      assert.ok(maxHeld <= stream.longest, `held ${maxHeld} > longest event ${stream.longest}`);
    },
  );
}

test("a 1 MB line fed one character at a time costs linear work", { timeout: 60_000 }, () => {
  const n = 1_000_000;
  const events: string[] = [];
  const parser = createSseParser({ maxEventChars: 2 * n, onEvent: (e) => events.push(e.data) });
  assertLinear(n, 3, () => {
    parser.feed("data: ");
    for (let i = 0; i < n; i++) parser.feed("q");
    parser.feed("\n\n");
  });
  assert.equal(events[0]?.length, n);
});

test(
  "many lines without a colon or with CR endings in one feed cost linear work",
  {
    timeout: 60_000,
  },
  () => {
    const n = 200_000;
    for (const text of [
      "x\n".repeat(n),
      "data: a\r\r".repeat(n / 5),
      "data\r\n\r\n".repeat(n / 5),
    ]) {
      const pieces = cut(text, 64 * 1024);
      let count = 0;
      const parser = createSseParser({ onEvent: () => count++ });
      // Each character may be examined by three searches: LF, CR and colon.
      assertLinear(text.length, 4, () => feedAll(parser, pieces));
      assert.equal(count, text.startsWith("x") ? 0 : n / 5);
    }
  },
);

// The tests above count the work of the string methods the parser uses today.
// This one does not depend on them: it measures the CPU time of parsing n and
// 8n characters of the same shape. Linear work costs about 8 times more;
// quadratic work about 64 times. The bound (24) sits far from both, CPU time
// is the process's own (other processes' load barely moves it), each size
// keeps its fastest of five runs, and the large run stops as soon as it
// passes the bound, so a quadratic parser fails in seconds instead of hours.
const shapes: Record<string, (n: number) => string[]> = {
  "chat events fed 7 characters at a time": (n) => {
    const parts: string[] = [];
    for (let size = 0, i = 0; size < n; i++) {
      const event = chunkEvent(i);
      parts.push(event);
      size += event.length;
    }
    return cut(parts.join(""), 7);
  },
  "one long line fed 16 characters at a time": (n) => [
    "data: ",
    ...Array.from({ length: n / 16 }, () => "0123456789abcdef"),
    "\n\n",
  ],
  "one event of many data lines fed in 64 KiB pieces": (n) =>
    cut(`${"data: abcdefgh\n".repeat(n / 15)}\n`, 64 * 1024),
  "many small events in a single feed": (n) => ["data: x\n\n".repeat(n / 9)],
};

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU ms to parse `pieces`; throws once `limitMs` is passed. */
function parseCpu(pieces: readonly string[], limitMs = Number.POSITIVE_INFINITY): number {
  const parser = createSseParser({ maxEventChars: 64 * 1024 * 1024, onEvent: () => {} });
  const started = cpuNow();
  for (let i = 0; i < pieces.length; i++) {
    parser.feed(pieces[i] as string);
    if ((i & 1023) === 0 && cpuNow() - started > limitMs) {
      throw new Error(
        `passed ${limitMs.toFixed(1)} ms of CPU after ${i} of ${pieces.length} pieces`,
      );
    }
  }
  return cpuNow() - started;
}

for (const [name, shape] of Object.entries(shapes)) {
  test(`${name}: 8 times the input costs at most 24 times the CPU`, { timeout: 60_000 }, () => {
    const n = 240_000;
    const small = shape(n);
    const large = shape(8 * n);
    parseCpu(small, 2000); // warm-up: compiled code only
    let smallMs = Number.POSITIVE_INFINITY;
    // A linear parser needs a few ms here; a quadratic one is stopped at 2 s.
    for (let run = 0; run < 5; run++) smallMs = Math.min(smallMs, parseCpu(small, 2000));
    smallMs = Math.max(smallMs, 2);
    const bound = 24 * smallMs;
    let largeMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) largeMs = Math.min(largeMs, parseCpu(large, bound));
    assert.ok(largeMs <= bound, `n: ${smallMs.toFixed(1)} ms, 8n: ${largeMs.toFixed(1)} ms`);
  });
}
