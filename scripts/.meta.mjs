import { build } from "esbuild";
const r = await build({ entryPoints: ["src/core/index.ts"], bundle: true, minify: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent",
 stdin: undefined });
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,30);
for (const [k,v] of rows) console.log(v.bytesInOutput, k);
