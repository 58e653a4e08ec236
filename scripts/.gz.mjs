import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const r = await build({ stdin: { contents: `import { Mistral } from "./src/core/index.ts";
export async function run(serverURL) { const client = new Mistral({ apiKey: "x", serverURL }); let text = "";
for await (const ev of await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] })) text += ev.data.choices[0]?.delta.content ?? ""; return text; }`, resolveDir: process.argv[2], loader: "ts" },
 bundle: true, minify: true, format: "esm", platform: "browser", write: false, splitting: true, outdir: "/tmp/o", metafile: true, logLevel: "silent" });
const entry = r.outputFiles.find(f => f.path.endsWith("stdin.js"));
console.log(gzipSync(entry.contents, { level: 9 }).length);
