// `npm run bench`: mistral-stream on both transports beside the official
// client, openai and the hand-written floors, against one local server (its
// own process). Each figure comes from fresh processes, contenders interleaved
// within each round; tables show medians and ratios within this run.
// Usage: npm run build && node bench/run.mjs [--rounds 5] [--phases big,small,paced,conc,import,bundle]
import { spawn, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { bundleSizes } from "./sizes.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const rounds = Number(option("rounds", 5));
const phases = option("phases", "big,small,paced,conc,import,bundle").split(",");
const here = fileURLToPath(new URL(".", import.meta.url));

const node = "mistral-stream-node.mjs";
const fetchT = "mistral-stream-fetch.mjs";
const split = "floors.mjs#fetchSplit";
const bytes = "floors.mjs#fetchBytes";
const httpBytes = "floors.mjs#httpBytes";
const peers = ["mistralai.mjs", "openai.mjs"];
const everyone = [node, fetchT, ...peers, split, bytes, httpBytes];

const server = spawn(process.execPath, [`${here}server.mjs`], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve) =>
  server.stdout.once("data", (d) => resolve(String(d).trim().split(" ")[1])),
);

function measure(contender, model, repeat, concurrency, chunks) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `${here}child.mjs`,
        contender,
        url,
        model,
        String(repeat),
        String(concurrency),
        String(chunks),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1)));
      else reject(new Error(`${contender} exited with ${code}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const names = {
  [node]: "mistral-stream, Node transport",
  [fetchT]: "mistral-stream, fetch transport",
  "mistralai.mjs": "@mistralai/mistralai",
  "openai.mjs": "openai",
  [split]: "floor: fetch + split + JSON.parse",
  [bytes]: "floor: fetch, bytes only",
  [httpBytes]: "floor: node:http, bytes only",
};
const label = (c) => names[c] ?? c;

/** Runs `list` interleaved over `n` rounds; returns per contender the medians of each field. */
async function phase(list, model, repeat, concurrency, chunks, n = rounds) {
  const runs = Object.fromEntries(list.map((c) => [c, []]));
  for (let r = 0; r < n; r++) {
    for (const c of list) runs[c].push(await measure(c, model, repeat, concurrency, chunks));
  }
  return Object.fromEntries(
    list.map((c) => [
      c,
      Object.fromEntries(Object.keys(runs[c][0]).map((k) => [k, median(runs[c].map((x) => x[k]))])),
    ]),
  );
}

function table(title, result, columns) {
  console.log(`\n## ${title}\n`);
  console.log(`| contender | ${columns.map((c) => c[0]).join(" | ")} |`);
  console.log(`| --- | ${columns.map(() => "---:").join(" | ")} |`);
  for (const [c, r] of Object.entries(result)) {
    console.log(`| ${label(c)} | ${columns.map(([, f]) => f(r, result)).join(" | ")} |`);
  }
}
const ratio = (key, base) => (r, all) => `${(r[key] / all[base][key]).toFixed(2)}×`;

console.log(
  `# mistral-stream benchmark\n\nnode ${process.version}, ${cpus().length} CPUs, ${rounds} rounds, server ${url} (own process)`,
);
try {
  if (phases.includes("big")) {
    const r = await phase(everyone, "bench-20000-4", 1, 1, 20000);
    table("One 20,000-chunk stream", r, [
      ["CPU ms", (x) => fmt(x.cpuMs)],
      ["÷ fetch + split", ratio("cpuMs", split)],
      ["÷ fetch bytes", ratio("cpuMs", bytes)],
      ["wall ms", (x) => fmt(x.wallMs)],
      ["peak RSS MB", (x) => fmt(x.rssMb)],
    ]);
  }
  if (phases.includes("small")) {
    const r = await phase(everyone, "bench-200-4", 50, 1, 200);
    table("50 × 200-chunk requests, one after another", r, [
      ["first CPU ms", (x) => fmt(x.firstCpuMs)],
      ["steady CPU ms/req", (x) => fmt(x.steadyCpuMs)],
      ["steady ÷ fetch + split", ratio("steadyCpuMs", split)],
    ]);
  }
  if (phases.includes("paced")) {
    const r = await phase(everyone, "bench-1000-4-p1", 1, 1, 1000);
    table("A paced stream: 1,000 events, one per write, 1 ms apart", r, [
      ["CPU ms", (x) => fmt(x.cpuMs)],
      ["÷ fetch bytes", ratio("cpuMs", bytes)],
    ]);
  }
  if (phases.includes("conc")) {
    const r = await phase(everyone, "bench-200-4", 1, 1000, 200, Math.min(rounds, 3));
    table("1,000 concurrent streams × 200 chunks", r, [
      ["CPU ms", (x) => fmt(x.cpuMs)],
      ["÷ fetch + split", ratio("cpuMs", split)],
      ["peak RSS MB", (x) => fmt(x.rssMb)],
      ["RSS ÷ fetch + split", ratio("rssMb", split)],
      ["wall ms", (x) => fmt(x.wallMs)],
    ]);
  }
} finally {
  server.kill();
}
if (phases.includes("import")) coldImport();
if (phases.includes("bundle")) await bundles();

// Two figures per entry, from fresh processes, entries interleaved: the wall
// time of the whole process over a bare one (what a CLI feels; process start
// noise is several ms, so it takes many runs), and the time of the `import()`
// itself, measured inside the process. Both include the start of Node's ES
// module loader, which any first `import()` pays (about 4-5 ms on this kind of
// machine); the empty module's row measures it, and the last column takes it off.
function coldImport() {
  const specs = {
    "bare node": "",
    "an empty module": new URL("./empty.mjs", import.meta.url).href,
    "mistral-stream (Node build)": "mistral-stream",
    "mistral-stream (web build)": new URL("../dist/core/index.js", import.meta.url).href,
    "@mistralai/mistralai": "@mistralai/mistralai",
    openai: "openai",
  };
  const runs = 25;
  const wall = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
  const inside = Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [k, spec] of Object.entries(specs)) {
      // The bare run prints too, so that the difference is the import alone.
      const load = spec ? `await import(${JSON.stringify(spec)});` : "";
      const code = `const t = process.hrtime.bigint(); ${load} console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
      const t0 = performance.now();
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
        cwd: `${here}..`,
        encoding: "utf8",
      });
      wall[k].push(performance.now() - t0);
      inside[k].push(Number(child.stdout.trim()));
    }
  }
  const bare = median(wall["bare node"]);
  console.log(
    `\n## Cold import (${runs} runs each, medians)\n\n| entry | wall ms | wall over bare node | import() in process, ms | import() over an empty module's |\n| --- | ---: | ---: | ---: | ---: |`,
  );
  const empty = median(inside["an empty module"]);
  for (const [k, xs] of Object.entries(wall)) {
    const own = median(inside[k]);
    const over = k === "bare node" ? "" : fmt(own - empty);
    console.log(
      `| ${k} | ${fmt(median(xs))} | ${fmt(median(xs) - bare)} | ${fmt(own)} | ${over} |`,
    );
  }
}

async function bundles() {
  console.log(
    "\n## Browser bundle (esbuild, minified, gzip -9)\n\n| what an app imports | min KB | gzip KB |\n| --- | ---: | ---: |",
  );
  for (const row of await bundleSizes()) {
    console.log(
      `| ${row.name} | ${(row.min / 1024).toFixed(1)} | ${(row.gzip / 1024).toFixed(1)} |`,
    );
  }
}
