// One measurement in a fresh process: imports a contender, then times R rounds
// of C concurrent requests for "bench-N-S" and prints one JSON line.
// Usage: node bench/child.mjs <contender.mjs[#export]> <url> <model> <repeat> <concurrency> <chunks>
const [spec, url, model, repeatArg, concurrencyArg, chunksArg] = process.argv.slice(2);
const [file, exported] = spec.split("#");
const module = await import(new URL(`contenders/${file}`, import.meta.url).href);
const contender = exported ? module[exported] : module;
const stream = contender.setup(url);
const repeat = Number(repeatArg);
const concurrency = Number(concurrencyArg);
const expected = Number(chunksArg);

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const rounds = [];
const startCpu = cpu();
const startWall = performance.now();
for (let r = 0; r < repeat; r++) {
  const c0 = cpu();
  const w0 = performance.now();
  const results = await Promise.all(Array.from({ length: concurrency }, () => stream(model)));
  for (const result of results) {
    // Byte floors report bytes; parsers report chunks, checked against the count sent.
    if (result.bytes !== undefined ? result.bytes <= 0 : result.chunks !== expected) {
      throw new Error(`${contender.name}: got ${JSON.stringify(result).slice(0, 200)}`);
    }
  }
  rounds.push({ cpuMs: cpu() - c0, wallMs: performance.now() - w0 });
}
const half = rounds.slice(Math.floor(rounds.length / 2));
const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
console.log(
  JSON.stringify({
    cpuMs: cpu() - startCpu,
    wallMs: performance.now() - startWall,
    firstCpuMs: rounds[0].cpuMs,
    steadyCpuMs: mean(half, "cpuMs"),
    rssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
process.exit(0);
