#!/usr/bin/env node
// Micro-benchmark of the event-stream parser against the floor: a hand-written
// "split on blank lines" loop. Bundles src/core/sse on the fly with esbuild:
//
//   node bench/sse-micro.mjs
//
// Reports the median µs per event over several runs, for a 20,000-event body
// fed in 64 KiB slices and fed one event per call, as text and as bytes. The
// last row of each group is the floor the others are compared with.
import { importFromSource } from "./from-source.mjs";

// The package ships the SSE layer inside its one-file bundle; build it alone here.
const { createSseDecoder, createSseParser } = await importFromSource("core/sse/index.ts");

const EVENTS = 20_000;
const RUNS = 25;
const SLICE = 64 * 1024;

function buildBody() {
  const parts = [];
  for (let i = 0; i < EVENTS; i++) {
    const id = `cmpl-${i.toString(16).padStart(8, "0")}`;
    parts.push(
      `data: {"id":"${id}","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"abcd"},"finish_reason":null}]}\n\n`,
    );
  }
  return parts;
}

let sink = 0;

function runParser(pieces) {
  const parser = createSseParser({
    onEvent(event) {
      sink += event.data.length;
    },
  });
  for (const piece of pieces) parser.feed(piece);
  parser.end();
}

// The floor: keep the unterminated tail, split the rest on blank lines.
function runNaive(pieces) {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    const blocks = buffer.split("\n\n");
    buffer = blocks.pop() ?? "";
    for (const block of blocks) {
      if (block.startsWith("data: ")) sink += block.slice(6).length;
    }
  }
}

function runDecoder(chunks) {
  const decoder = createSseDecoder({
    onEvent(event) {
      sink += event.data.length;
    },
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
}

function runNaiveBytes(chunks) {
  const textDecoder = new TextDecoder();
  runNaive(chunks.map((c) => textDecoder.decode(c, { stream: true })));
}

// Faster still, but wrong for a character split across two reads: the floor.
function runNaiveOneShot(chunks) {
  const textDecoder = new TextDecoder();
  runNaive(chunks.map((c) => textDecoder.decode(c)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the candidates interleaved so that drift affects all alike; returns µs/event medians. */
function measure(candidates, input) {
  const times = candidates.map(() => []);
  for (let run = -5; run < RUNS; run++) {
    candidates.forEach(([, fn], i) => {
      const start = process.hrtime.bigint();
      fn(input);
      const ns = Number(process.hrtime.bigint() - start);
      if (run >= 0) times[i].push(ns / 1000 / EVENTS);
    });
  }
  return times.map(median);
}

function report(title, candidates, input) {
  const medians = measure(candidates, input);
  const floor = medians.at(-1);
  console.log(`\n${title}`);
  candidates.forEach(([name], i) => {
    const ratio = (medians[i] / floor).toFixed(2);
    console.log(`  ${name.padEnd(28)} ${medians[i].toFixed(3)} µs/event  (${ratio}× the last row)`);
  });
}

const events = buildBody();
const body = events.join("");
const slices = [];
for (let pos = 0; pos < body.length; pos += SLICE) slices.push(body.slice(pos, pos + SLICE));
const encoder = new TextEncoder();
const bytes = encoder.encode(body);
const byteSlices = [];
for (let pos = 0; pos < bytes.length; pos += SLICE)
  byteSlices.push(bytes.subarray(pos, pos + SLICE));
const byteEvents = events.map((e) => encoder.encode(e));

console.log(
  `${EVENTS} events, ${body.length} characters, median of ${RUNS} runs, node ${process.version}`,
);
report(
  "text, 64 KiB slices",
  [
    ["createSseParser", runParser],
    ["naive split", runNaive],
  ],
  slices,
);
report(
  "text, one event per feed",
  [
    ["createSseParser", runParser],
    ["naive split", runNaive],
  ],
  events,
);
report(
  "bytes, 64 KiB slices",
  [
    ["createSseDecoder", runDecoder],
    ["stream TextDecoder + split", runNaiveBytes],
    ["one-shot decode + split", runNaiveOneShot],
  ],
  byteSlices,
);
report(
  "bytes, one event per push",
  [
    ["createSseDecoder", runDecoder],
    ["stream TextDecoder + split", runNaiveBytes],
    ["one-shot decode + split", runNaiveOneShot],
  ],
  byteEvents,
);
if (sink === 42) console.log("");
