// The decoder decodes each read on its own and carries an unfinished UTF-8
// sequence over by hand. These tests compare it with the reference, a streaming
// TextDecoder, on valid and invalid bytes cut at random places.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSseDecoder } from "../../../src/core/sse/index.js";
import { randomPieces, runBytes, runText, seededRandom } from "./sse-test-helpers.js";

// Bytes that stress the decoder: ASCII, valid sequences of every length, lone
// continuation bytes, truncated and overlong leads, and bytes never valid in UTF-8.
const atoms: number[][] = [
  [0x61],
  [0x3a],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x80],
  [0xbf],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f],
  [0xf0, 0x9f, 0x98],
  [0xe0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf5],
  [0xff],
];

function randomBody(random: () => number): Uint8Array {
  const bytes: number[] = [];
  const pushText = (text: string) => bytes.push(...new TextEncoder().encode(text));
  if (random() < 0.3) bytes.push(0xef, 0xbb, 0xbf);
  for (let event = 0; event < 20; event++) {
    pushText("data: ");
    const length = Math.floor(random() * 12);
    for (let i = 0; i < length; i++) bytes.push(...atoms[Math.floor(random() * atoms.length)]!);
    pushText(random() < 0.2 ? "\r\n\r\n" : "\n\n");
  }
  // Half the bodies end inside a sequence, to exercise the final flush.
  if (random() < 0.5) bytes.push(...atoms[8 + Math.floor(random() * 4)]!);
  return new Uint8Array(bytes);
}

test("random valid and invalid UTF-8 cut at random places decodes like a streaming TextDecoder", () => {
  const random = seededRandom(2024);
  for (let body = 0; body < 300; body++) {
    const bytes = randomBody(random);
    const reference = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const expected = runText([reference]);
    for (const [min, max] of [
      [1, 1],
      [1, 4],
      [1, 64],
    ] as const) {
      const actual = runBytes(randomPieces(bytes, random, min, max));
      assert.deepEqual(actual, expected, `body ${body}, pieces of ${min}-${max} bytes`);
    }
    for (let at = 0; at <= bytes.length; at += 1 + Math.floor(random() * 5)) {
      const actual = runBytes([bytes.subarray(0, at), bytes.subarray(at)]);
      assert.deepEqual(actual, expected, `body ${body}, split at ${at}`);
    }
  }
});

test("a read made only of continuation bytes after a carried lead byte decodes correctly", () => {
  const bytes = new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0xf0, 0x9f, 0x98, 0x80, 0x0a, 0x0a]);
  const pieces = [
    bytes.subarray(0, 6),
    bytes.subarray(6, 7),
    bytes.subarray(7, 8),
    bytes.subarray(8),
  ];
  assert.deepEqual(
    runBytes(pieces).items.map((i) => (i.type === "event" ? i.data : "")),
    ["😀"],
  );
});

test("the decoder copes with a caller that reuses one buffer for every read", () => {
  const body = new TextEncoder().encode("data: é😀€\n\n");
  const buffer = new Uint8Array(3);
  const events: string[] = [];
  const pieces: Uint8Array[] = [];
  for (let pos = 0; pos < body.length; pos += 3) pieces.push(body.subarray(pos, pos + 3));
  const decoder = createSseDecoder({ onEvent: (e) => events.push(e.data) });
  for (const piece of pieces) {
    buffer.fill(0);
    buffer.set(piece);
    decoder.push(buffer.subarray(0, piece.length));
  }
  decoder.end();
  assert.deepEqual(events, ["é😀€"]);
});
