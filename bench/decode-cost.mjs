#!/usr/bin/env node
// What decoding a chat event costs, warm and without I/O, as the 1,000
// concurrent streams of `npm run bench` see it: 1,000 decoders, each given the
// 200 events of its stream in turn (interleaved, as their reads arrive).
// Rows: `JSON.parse` alone (what any client pays), the decoder without its
// snapshot (parse, checks, the camelCase mapping), and the whole decoder
// (the snapshot too: what `finalResponse()` and a failure's partial result
// need). Bundles src/core/stream/chat-decoder.ts on the fly with esbuild.
// Usage: node bench/decode-cost.mjs [rounds=7]
import { body } from "./body.mjs";
import { importFromSource } from "./from-source.mjs";

const rounds = Number(process.argv[2] ?? 7);
const streams = 1000;
const { ChatChunkDecoder } = await importFromSource("core/stream/chat-decoder.ts");

// The `data` of each event the server sends for "bench-200-4", [DONE] left out.
const datas = body(200, 4)
  .toString()
  .split("\n\n")
  .map((block) => block.slice("data: ".length))
  .filter((data) => data !== "" && data !== "[DONE]");
const meta = { status: 200, headers: new Headers(), header: () => null };
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** One pass over every event of every stream; returns its CPU ms. */
function pass(mode) {
  const decoders = Array.from({ length: streams }, () => new ChatChunkDecoder(meta));
  if (mode === "decoder without snapshot") for (const d of decoders) d.snapshot.add = () => {};
  let check = 0;
  const start = cpu();
  for (const data of datas) {
    for (const decoder of decoders) {
      if (mode === "JSON.parse alone") check += JSON.parse(data).choices.length;
      else check += decoder.decode({ data, event: undefined, id: undefined }).data.choices.length;
    }
  }
  if (check !== datas.length * streams) throw new Error(`${mode}: wrong count`);
  return cpu() - start;
}

const modes = ["JSON.parse alone", "decoder without snapshot", "whole decoder"];
const runs = Object.fromEntries(modes.map((m) => [m, []]));
for (const m of modes) pass(m); // warm-up: the figures are of optimised code
for (let r = 0; r < rounds; r++) for (const m of modes) runs[m].push(pass(m));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const events = datas.length * streams;
console.log(`| ${streams} streams × ${datas.length} events, warm | CPU ms | µs per event |`);
console.log("| --- | ---: | ---: |");
for (const m of modes) {
  const ms = median(runs[m]);
  console.log(`| ${m} | ${ms.toFixed(0)} | ${((ms * 1000) / events).toFixed(2)} |`);
}
