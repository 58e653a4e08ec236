import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { mkdtempSync } from "node:fs";
const dir = process.argv[2];
const out = mkdtempSync("/tmp/m-");
const r = await build({ stdin: { contents: `import { Mistral } from "./dist/core/index.js";
export async function run(serverURL) { const client = new Mistral({ apiKey: "x", serverURL }); let text = "";
for await (const ev of await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] })) text += ev.data.choices[0]?.delta.content ?? ""; return text; }`, resolveDir: dir, loader: "js" },
 bundle: true, minify: true, format: "esm", platform: "browser", write: false, splitting: true, outdir: out, metafile: true, logLevel: "silent" });
const outputs = r.metafile.outputs;
const files = new Map(r.outputFiles.map((f) => [f.path.slice(f.path.indexOf(out.slice(1)) - 1), f.contents]));
const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint);
const seen = new Set(); const stack = [entry];
while (stack.length) { const k = stack.pop(); if (seen.has(k)) continue; seen.add(k); for (const i of outputs[k].imports) if (i.kind === "import-statement") stack.push(i.path); }
let total = 0; for (const k of seen) { const c = r.outputFiles.find((f) => f.path.endsWith(k.split("/").pop())).contents; total += gzipSync(c, { level: 9 }).length; }
console.log(dir, [...seen].length, "files", total, "gz; all outputs", Object.keys(outputs).length);
