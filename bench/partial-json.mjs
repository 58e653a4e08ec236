// The partial JSON parser of chat.parseStream(): the cost of following a
// structured reply as it streams, against re-parsing the whole text so far on
// every chunk (what `partial-json`, the parser openai-node uses, needs: it is
// not incremental). Linear vs quadratic: double the size, and the incremental
// time doubles while the re-parse time quadruples.
// Usage: node bench/partial-json.mjs [chunkBytes=4] [rounds=3]
import { build } from "esbuild";
import { parse as reparse } from "partial-json";

const chunk = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 3);
const bundled = await build({
  entryPoints: [new URL("../src/core/app/partial-json.ts", import.meta.url).pathname],
  bundle: true,
  format: "esm",
  write: false,
  logLevel: "silent",
});
const { PartialJsonParser } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].contents).toString("base64")}`
);

const doc = (bytes) => {
  const items = [];
  let text = "";
  for (let i = 0; text.length < bytes; i++) {
    items.push({
      id: i,
      title: `entry number ${i}`,
      score: i / 7,
      tags: ["a", "b"],
      on: i % 3 === 0,
    });
    if (i % 50 === 0) text = JSON.stringify({ items });
  }
  return JSON.stringify({ items });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function incremental(text) {
  const parser = new PartialJsonParser();
  for (let i = 0; i < text.length; i += chunk) parser.feed(text.slice(i, i + chunk));
  return parser.value;
}

function reparsing(text, budgetMs) {
  const start = performance.now();
  let value;
  for (let i = chunk; i <= text.length + chunk - 1; i += chunk) {
    value = reparse(text.slice(0, i));
    if (performance.now() - start > budgetMs) return undefined; // too slow to finish
  }
  return value;
}

const time = (fn) => {
  const start = performance.now();
  const out = fn();
  return { ms: performance.now() - start, done: out !== undefined };
};

console.log(`chunks of ${chunk} bytes, median of ${rounds} rounds`);
console.log("size      incremental   re-parse every chunk (partial-json)");
for (const size of [16_000, 64_000, 256_000, 1_000_000]) {
  const text = doc(size);
  const ours = [];
  const theirs = [];
  for (let r = 0; r < rounds; r++) {
    ours.push(time(() => incremental(text)).ms);
    const t = time(() => reparsing(text, 10_000));
    theirs.push(t.done ? t.ms : Number.POSITIVE_INFINITY);
  }
  const theirMs = median(theirs);
  const shown = Number.isFinite(theirMs) ? `${theirMs.toFixed(0)} ms` : "> 10 s (stopped)";
  console.log(
    `${String(text.length).padStart(9)} ${median(ours).toFixed(1).padStart(9)} ms   ${shown}`,
  );
}
