// Shared helpers of the event-stream tests: run inputs through the parser or the
// decoder and record what comes out in the shape of the conformance vectors.
import { readFileSync } from "node:fs";
import {
  createSseDecoder,
  createSseParser,
  type SseParserOptions,
} from "../../../src/core/sse/index.js";
import { fixturePath } from "../../helpers/paths.js";

/** One output item, normalised like the `expected` items of cases.json. */
export type Item =
  | {
      type: "event";
      event: string | null;
      data: string;
      id: string | null;
      block_id: string | null;
    }
  | { type: "retry"; retry: number };

/** Everything a run produced. */
export interface RunResult {
  items: Item[];
  comments: string[];
}

/** One conformance vector of test/fixtures/sse-conformance/cases.json. */
export interface ConformanceCase {
  name: string;
  input: string;
  chunks?: string[];
  expected: Array<{
    type: "event" | "retry";
    event: string | null;
    data: string | null;
    id: string | null;
    block_id: string | null;
    retry: number | null;
  }>;
  expected_comments?: string[];
}

/** Loads every conformance vector. */
export function loadConformanceCases(): ConformanceCase[] {
  const file = fixturePath("sse-conformance", "cases.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: ConformanceCase[] }).cases;
}

/** The expected items of a vector, in the shape {@link Item} uses. */
export function expectedItems(c: ConformanceCase): Item[] {
  return c.expected.map((e) =>
    e.type === "retry"
      ? { type: "retry", retry: e.retry ?? Number.NaN }
      : { type: "event", event: e.event, data: e.data ?? "", id: e.id, block_id: e.block_id },
  );
}

type Source = { lastEventId(): string | undefined };

function recorder(extra: Partial<SseParserOptions> = {}) {
  const result: RunResult = { items: [], comments: [] };
  let source: Source | undefined;
  const options: SseParserOptions = {
    ...extra,
    onEvent(e) {
      const id = source?.lastEventId() ?? null;
      result.items.push({
        type: "event",
        event: e.event ?? null,
        data: e.data,
        id,
        block_id: e.id ?? null,
      });
    },
    onComment: (c) => result.comments.push(c),
    onRetry: (ms) => result.items.push({ type: "retry", retry: ms }),
  };
  return { result, options, attach: (s: Source) => (source = s) };
}

/** Feeds text pieces through a string-level parser, then ends the stream. */
export function runText(pieces: readonly string[], extra?: Partial<SseParserOptions>): RunResult {
  const r = recorder(extra);
  const parser = createSseParser(r.options);
  r.attach(parser);
  for (const piece of pieces) parser.feed(piece);
  parser.end();
  return r.result;
}

/** Pushes byte pieces through a decoder, then ends the stream. */
export function runBytes(
  pieces: readonly Uint8Array[],
  extra?: Partial<SseParserOptions>,
): RunResult {
  const r = recorder(extra);
  const decoder = createSseDecoder(r.options);
  r.attach(decoder);
  for (const piece of pieces) decoder.push(piece);
  decoder.end();
  return r.result;
}

export { seededRandom } from "../../helpers/test-server.js";

/** Cuts `bytes` into consecutive pieces of `min`..`max` bytes chosen by `random`. */
export function randomPieces(
  bytes: Uint8Array,
  random: () => number,
  min: number,
  max: number,
): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let pos = 0; pos < bytes.length; ) {
    const size = min + Math.floor(random() * (max - min + 1));
    pieces.push(bytes.subarray(pos, pos + size));
    pos += size;
  }
  return pieces;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
