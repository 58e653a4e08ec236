// CPU per streamed chunk of the stream helpers (and of a stream with resume
// on), against plain iteration, in one
// run: each contender in a fresh process, the server in its own, interleaved
// rounds, medians. What the helpers cost over `for await` (the ratio), and that
// they stay linear (run it with N=20000 and N=80000: µs/chunk stays flat).
// Usage: npm run build && node bench/helpers-cpu.mjs [N=20000] [rounds=5]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const n = Number(process.argv[2] ?? 20000);
const rounds = Number(process.argv[3] ?? 5);
const here = fileURLToPath(new URL(".", import.meta.url));
const dist = JSON.stringify(new URL("../dist/core/index.js", import.meta.url).href);

/** Each contender opens `stream` and must leave the answer's length in `chars`. */
const contenders = {
  "for await": `for await (const ev of stream) { const d = ev.data.choices[0]?.delta.content; if (typeof d === "string") chars += d.length; }`,
  finalResponse: `chars = (await stream.finalResponse()).choices[0].message.content.length;`,
  textStream: `for await (const t of stream.textStream()) chars += t.length;`,
  "tee (both sides)": `const [a, b] = stream.tee();
    const [x, y] = await Promise.all([a.finalResponse(), b.finalResponse()]);
    chars = x.choices[0].message.content.length; if (y.choices[0].message.content.length !== chars) throw new Error("tee");`,
  "relay round trip": `const back = EventStream.fromReadableStream(stream.toReadableStream());
    chars = (await back.finalResponse()).choices[0].message.content.length;`,
  // The same request again with resume on (no drop happens): the cost of the stitched stream.
  "resume on, no drop": `await stream.close();
    const resuming = await client.chat.stream({ model: "bench-${n}-4", messages: [{ role: "user", content: "hi" }] }, { resume: { maxAttempts: 1 } });
    for await (const ev of resuming) { const d = ev.data.choices[0]?.delta.content; if (typeof d === "string") chars += d.length; }`,
};

function runChild(code, url) {
  const script = `const { Mistral, EventStream } = await import(${dist});
    const client = new Mistral({ apiKey: "bench", serverURL: ${JSON.stringify(url)} });
    let chars = 0; const cpuStart = process.cpuUsage();
    const stream = await client.chat.stream({ model: "bench-${n}-4", messages: [{ role: "user", content: "hi" }] });
    ${code}
    const c = process.cpuUsage(cpuStart); if (chars !== ${n * 4}) throw new Error("chars " + chars);
    console.log(JSON.stringify({ cpuMs: (c.user + c.system) / 1000 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").at(-1)))
        : reject(new Error(`exit ${code}`)),
    );
  });
}

const server = spawn(process.execPath, [`${here}server.mjs`], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve) =>
  server.stdout.once("data", (d) => resolve(String(d).trim().split(" ")[1])),
);
const results = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, code] of Object.entries(contenders))
      results[name].push((await runChild(code, url)).cpuMs);
  }
} finally {
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(results["for await"]);
console.log(`N=${n} chunks, ${rounds} rounds, node ${process.version}`);
for (const [name, xs] of Object.entries(results)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(18)} ${m.toFixed(1).padStart(8)} ms CPU  ${((m * 1000) / n).toFixed(2).padStart(6)} µs/chunk  ×${(m / base).toFixed(2)} for await`,
  );
}
