// Behaviour of the parser beyond the conformance vectors: stream boundaries,
// ids, callbacks, and the byte decoder's handling of UTF-8 and the BOM.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  createSseDecoder,
  createSseParser,
  type ServerSentEvent,
} from "../../../src/core/sse/index.js";
import { runBytes, runText, utf8 } from "./sse-test-helpers.js";

function datas(pieces: string[]): string[] {
  return runText(pieces).items.map((i) => (i.type === "event" ? i.data : `retry ${i.retry}`));
}

test("end discards an event that lacks its blank line and an unterminated last line", () => {
  assert.deepEqual(datas(["data: a\n\ndata: b\n"]), ["a"]);
  assert.deepEqual(datas(["data: a\n\ndata: b"]), ["a"]);
  assert.deepEqual(datas(["data: a\n\ndata: b\r"]), ["a"]);
});

test("after end the parser starts a new stream, stripping its BOM again", () => {
  const events: ServerSentEvent[] = [];
  const parser = createSseParser({ onEvent: (e) => events.push(e) });
  parser.feed("\uFEFFdata: one\n\ndata: cut");
  parser.end();
  parser.feed("\uFEFFdata: two\n\n");
  assert.deepEqual(
    events.map((e) => e.data),
    ["one", "two"],
  );
});

test("a CR ending one stream does not swallow an LF starting the next", () => {
  const events: ServerSentEvent[] = [];
  const parser = createSseParser({ onEvent: (e) => events.push(e) });
  parser.feed("data: one\r\r");
  parser.end();
  parser.feed("\ndata: two\n\n");
  assert.deepEqual(
    events.map((e) => e.data),
    ["one", "two"],
  );
});

test("the last event id persists across events and end, and reset forgets it", () => {
  const parser = createSseParser({ onEvent: () => {} });
  assert.equal(parser.lastEventId(), undefined);
  parser.feed("id: 7\ndata: a\n\ndata: b\n\nid: 8\n");
  assert.equal(parser.lastEventId(), "7", "an id takes effect at the blank line");
  parser.end();
  assert.equal(parser.lastEventId(), "7", "an id in a discarded block is dropped");
  parser.feed("data: c\n\n");
  assert.equal(parser.lastEventId(), "7");
  parser.reset();
  assert.equal(parser.lastEventId(), undefined);
});

test("callbacks are called on the options object, so methods may use this", () => {
  const sink = {
    seen: [] as string[],
    onEvent(e: ServerSentEvent) {
      this.seen.push(e.data);
    },
    onComment(c: string) {
      this.seen.push(`:${c}`);
    },
    onRetry(ms: number) {
      this.seen.push(`retry ${ms}`);
    },
  };
  createSseParser(sink).feed(": hi\nretry: 10\ndata: x\n\n");
  assert.deepEqual(sink.seen, [":hi", "retry 10", "x"]);
});

test("a callback that throws leaves the parser ready for the next event", () => {
  const seen: string[] = [];
  const parser = createSseParser({
    onEvent(e) {
      seen.push(e.data);
      if (e.data === "boom") throw new Error("callback failed");
    },
  });
  assert.throws(() => parser.feed("event: x\ndata: boom\n\n"), /callback failed/);
  parser.feed("data: after\n\n");
  assert.equal(parser.bufferedLength(), 0);
  assert.deepEqual(seen, ["boom", "after"]);
});

test("a retry value that is not all digits, or is empty, is ignored", () => {
  assert.deepEqual(datas(["retry: 1e3\nretry: -1\nretry: \nretry: 12 \nretry: 0\ndata: x\n\n"]), [
    "retry 0",
    "x",
  ]);
});

test("the decoder joins UTF-8 sequences split across pushes and ends an incomplete one with U+FFFD", () => {
  const bytes = utf8("data: 😀é\n\n");
  const pieces = Array.from(bytes, (b) => new Uint8Array([b]));
  const whole = runBytes(pieces).items;
  assert.deepEqual(whole, [{ type: "event", event: null, data: "😀é", id: null, block_id: null }]);
  const events: ServerSentEvent[] = [];
  const decoder = createSseDecoder({ onEvent: (e) => events.push(e) });
  decoder.push(utf8("data: a\n\ndata: b"));
  decoder.push(new Uint8Array([0xf0, 0x9f]));
  decoder.end();
  decoder.push(utf8("data: c\n\n"));
  assert.deepEqual(
    events.map((e) => e.data),
    ["a", "c"],
    "the cut event is discarded and the next body decodes cleanly",
  );
});

test("the decoder strips a BOM only at the start of the body, even when it arrives byte by byte", () => {
  const bytes = utf8("\uFEFF\uFEFFdata: 1\n\n\uFEFFdata: 2\n\ndata: 3\n\n");
  const pieces = Array.from(bytes, (b) => new Uint8Array([b]));
  const items = runBytes(pieces).items;
  assert.deepEqual(
    items.map((i) => (i.type === "event" ? i.data : "")),
    ["3"],
  );
  assert.deepEqual(
    runBytes([utf8("\uFEFFdata: 1\n\n")]).items.map((i) => (i.type === "event" ? i.data : "")),
    ["1"],
  );
});

test("decoder reset drops a half-received character and the last event id", () => {
  const events: ServerSentEvent[] = [];
  const decoder = createSseDecoder({ onEvent: (e) => events.push(e) });
  decoder.push(utf8("id: 3\ndata: a\n\ndata: "));
  decoder.push(new Uint8Array([0xc3]));
  assert.equal(decoder.lastEventId(), "3");
  decoder.reset();
  assert.equal(decoder.lastEventId(), undefined);
  assert.equal(decoder.bufferedLength(), 0);
  decoder.push(utf8("data: b\n\n"));
  assert.deepEqual(
    events.map((e) => e.data),
    ["a", "b"],
  );
});

describe("flushOnEnd", () => {
  test("dispatches a final block whose lines ended but whose blank line never came", () => {
    const seen: string[] = [];
    const parser = createSseParser({ onEvent: (e) => seen.push(e.data), flushOnEnd: true });
    parser.feed("data: a\n\ndata: [DONE]\n");
    parser.end();
    assert.deepEqual(seen, ["a", "[DONE]"]);
  });

  test("still discards an unterminated last line", () => {
    const seen: string[] = [];
    const parser = createSseParser({ onEvent: (e) => seen.push(e.data), flushOnEnd: true });
    parser.feed("data: a\n\ndata: [DO");
    parser.end();
    assert.deepEqual(seen, ["a"]);
  });
});
