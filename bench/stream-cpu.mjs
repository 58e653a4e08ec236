// CPU per streamed chunk: mistral-stream (built dist/) against the practical floor
// (fetch + split on blank lines + JSON.parse), each in a fresh process, server in
// its own process, interleaved rounds, medians.
// Usage: npm run build && node bench/stream-cpu.mjs [N=20000] [rounds=5]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const n = Number(process.argv[2] ?? 20000);
const rounds = Number(process.argv[3] ?? 5);
const here = fileURLToPath(new URL(".", import.meta.url));

const contenders = {
  floor: `
    const res = await fetch(url + "/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "hi" }] }) });
    const reader = res.body.getReader(); const dec = new TextDecoder(); let buf = "", done = false;
    for (;;) { const r = await reader.read(); if (r.done) break; buf += dec.decode(r.value, { stream: true });
      let s = 0, i; while ((i = buf.indexOf("\\n\\n", s)) !== -1) { const ev = buf.slice(s, i); s = i + 2;
        const data = ev.slice(6); if (data === "[DONE]") { done = true; continue; }
        const j = JSON.parse(data); const d = j.choices[0].delta.content; if (typeof d === "string") text += d; chunks++; }
      buf = buf.slice(s); }
    if (!done) throw new Error("no [DONE]");`,
  "mistral-stream": `
    const { Mistral } = await import(${JSON.stringify(new URL("../dist/core/index.js", import.meta.url).href)});
    const client = new Mistral({ apiKey: "bench", serverURL: url });
    const t = process.cpuUsage(); cpuStart = t;
    for await (const ev of await client.chat.stream({ model, messages: [{ role: "user", content: "hi" }] })) {
      const d = ev.data.choices[0]?.delta.content; if (typeof d === "string") text += d; chunks++; }`,
};

function runChild(code, url) {
  const script = `const url = ${JSON.stringify(url)}, model = "bench-${n}-4"; let text = "", chunks = 0;
    let cpuStart = process.cpuUsage(); ${code}
    const c = process.cpuUsage(cpuStart); if (chunks !== ${n}) throw new Error("chunks " + chunks);
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
const floor = median(results.floor);
console.log(`N=${n} chunks, ${rounds} rounds, node ${process.version}`);
for (const [name, xs] of Object.entries(results)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(16)} ${m.toFixed(1).padStart(8)} ms CPU  ${((m * 1000) / n).toFixed(2).padStart(6)} µs/chunk  ×${(m / floor).toFixed(2)} floor`,
  );
}
