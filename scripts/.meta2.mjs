import { build } from "esbuild";
const r = await build({ stdin: { contents: `import { Mistral } from "./src/core/index.ts";
export async function run(serverURL) { const client = new Mistral({ apiKey: "x", serverURL }); let text = "";
for await (const ev of await client.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] })) text += ev.data.choices[0]?.delta.content ?? ""; return text; }`, resolveDir: process.argv[2], loader: "ts" },
 bundle: true, minify: true, format: "esm", platform: "browser", write: false, splitting: true, outdir: "/tmp/o", metafile: true, logLevel: "silent" });
for (const [name, o] of Object.entries(r.metafile.outputs)) { if (!o.entryPoint) continue;
 for (const [k,v] of Object.entries(o.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) if (k.includes("stream/")||k.includes("errors/stream")) console.log(v.bytesInOutput, k); }
