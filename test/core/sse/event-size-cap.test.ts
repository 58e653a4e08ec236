// The per-event size cap: a server that never ends its line or its event must
// get an SseEventTooLargeError, not an ever-growing buffer. The layer reports
// through its own error type, not the client's (it imports nothing of the client).
import assert from "node:assert/strict";
import { test } from "node:test";
import { MistralError } from "../../../src/core/errors/index.js";
import {
  createSseDecoder,
  createSseParser,
  DEFAULT_MAX_EVENT_CHARS,
  type ServerSentEvent,
  SseEventTooLargeError,
} from "../../../src/core/sse/index.js";
import { utf8 } from "./sse-test-helpers.js";

const CAP = 1000;

function capped(events: ServerSentEvent[] = []) {
  return createSseParser({ maxEventChars: CAP, onEvent: (e) => events.push(e) });
}

function isTooLarge(limit: number) {
  return (error: unknown): boolean =>
    error instanceof SseEventTooLargeError &&
    !(error instanceof MistralError) &&
    error.limit === limit;
}

test("an endless line fed in pieces throws once past the cap and never buffers more", () => {
  const parser = capped();
  let fed = 0;
  const piece = "x".repeat(37);
  parser.feed("data: ");
  fed += 6;
  while (fed + piece.length <= CAP) {
    parser.feed(piece);
    fed += piece.length;
    assert.ok(parser.bufferedLength() <= CAP);
  }
  assert.equal(parser.bufferedLength(), fed);
  assert.throws(() => parser.feed(piece), isTooLarge(CAP));
  assert.equal(parser.bufferedLength(), 0, "the buffers are released on failure");
});

test("an endless line fed one character at a time throws at exactly the first character past the cap", () => {
  const parser = capped();
  for (let i = 0; i < CAP; i++) parser.feed(":");
  assert.equal(parser.bufferedLength(), CAP);
  assert.throws(() => parser.feed(":"), isTooLarge(CAP));
});

test("one feed far larger than the cap without a newline throws without keeping it", () => {
  const parser = capped();
  assert.throws(() => parser.feed(`data: ${"y".repeat(50 * CAP)}`), isTooLarge(CAP));
  assert.equal(parser.bufferedLength(), 0);
});

test("a huge event made of many short data lines throws once its lines pass the cap", () => {
  const line = `data: ${"z".repeat(94)}\n`; // 100 characters without the LF
  const events: ServerSentEvent[] = [];
  capped(events).feed(`${line.repeat(10)}\n`);
  assert.equal(events.length, 1, "ten lines are exactly the cap and pass");
  assert.equal(events[0]?.data.length, 10 * 94 + 9);
  const parser = capped();
  for (let i = 0; i < 10; i++) {
    parser.feed(line);
    assert.ok(parser.bufferedLength() <= CAP);
  }
  assert.throws(() => parser.feed(line), isTooLarge(CAP));
});

test("an event of exactly the cap passes however it is split, and one more character fails", () => {
  const exact = `data: ${"a".repeat(CAP - 6)}\n\n`;
  for (const at of [0, 1, 6, CAP - 1, CAP, CAP + 1]) {
    const events: ServerSentEvent[] = [];
    const parser = capped(events);
    parser.feed(exact.slice(0, at));
    parser.feed(exact.slice(at));
    assert.equal(events.length, 1, `split at ${at}`);
  }
  const over = `data: ${"a".repeat(CAP - 5)}\n\n`;
  for (const at of [0, 1, CAP, CAP + 1, CAP + 2]) {
    const parser = capped();
    assert.throws(() => {
      parser.feed(over.slice(0, at));
      parser.feed(over.slice(at));
    }, isTooLarge(CAP));
  }
});

test("the cap is per event: many events each under the cap pass", () => {
  const events: ServerSentEvent[] = [];
  const parser = capped(events);
  const event = `data: ${"b".repeat(CAP - 6)}\n\n`;
  for (let i = 0; i < 50; i++) parser.feed(event);
  assert.equal(events.length, 50);
});

test("complete comment lines do not add up towards the cap", () => {
  const events: ServerSentEvent[] = [];
  const parser = capped(events);
  for (let i = 0; i < 5 * CAP; i++) parser.feed(": keep-alive\n");
  parser.feed("data: ok\n\n");
  assert.deepEqual(
    events.map((e) => e.data),
    ["ok"],
  );
});

test("after the error the parser keeps failing until it is reset", () => {
  const events: ServerSentEvent[] = [];
  const parser = capped(events);
  assert.throws(() => parser.feed("x".repeat(CAP + 1)), isTooLarge(CAP));
  assert.throws(() => parser.feed("data: late\n\n"), isTooLarge(CAP));
  parser.reset();
  parser.feed("data: fresh\n\n");
  assert.deepEqual(
    events.map((e) => e.data),
    ["fresh"],
  );
});

test("the byte decoder throws the same error from push", () => {
  const decoder = createSseDecoder({ maxEventChars: CAP, onEvent: () => {} });
  decoder.push(utf8("data: "));
  assert.throws(() => decoder.push(utf8("é".repeat(CAP))), isTooLarge(CAP));
  assert.equal(decoder.bufferedLength(), 0);
});

test(
  "the default cap is 16 MiB: a 1 MiB event passes and an endless line fails past 16 MiB",
  {
    timeout: 30_000,
  },
  () => {
    assert.equal(DEFAULT_MAX_EVENT_CHARS, 16 * 1024 * 1024);
    const events: ServerSentEvent[] = [];
    const parser = createSseParser({ onEvent: (e) => events.push(e) });
    const mib = "m".repeat(1024 * 1024);
    parser.feed(`data: ${mib}\n\n`);
    assert.equal(events[0]?.data.length, mib.length);
    for (let i = 0; i < 16; i++) parser.feed(mib);
    assert.equal(parser.bufferedLength(), DEFAULT_MAX_EVENT_CHARS);
    assert.throws(() => parser.feed("m"), isTooLarge(DEFAULT_MAX_EVENT_CHARS));
  },
);

test("a cap that is not a positive number is refused", () => {
  for (const bad of [0, -1, Number.NaN]) {
    assert.throws(() => createSseParser({ maxEventChars: bad, onEvent: () => {} }), {
      name: "RangeError",
    });
  }
  assert.doesNotThrow(() =>
    createSseParser({ maxEventChars: Number.POSITIVE_INFINITY, onEvent: () => {} }),
  );
});
