// Browser bundle sizes of what an app imports, as its bundler sees it: esbuild,
// minified, for the browser, code splitting on; counted is what loads at start
// (the entry and the chunks it imports statically), gzip -9 per file. Used by
// `npm run bench` and by the size budget tests.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const messages = `[{ role: "user", content: "hi" }]`;

/** An app streaming one chat through `new Mistral()` from `pkg`. */
const viaClient = (pkg) => `import { Mistral } from "${pkg}";
  export async function run(serverURL) {
    const client = new Mistral({ apiKey: "x", serverURL });
    let text = "";
    for await (const ev of await client.chat.stream({ model: "m", messages: ${messages} }))
      text += ev.data.choices[0]?.delta.content ?? "";
    return text;
  }`;

/** The same app through `MistralCore` and `chatStream` from `pkg`'s function API. */
const viaFunctions = (pkg) => `import { MistralCore } from "${pkg}/core.js";
  import { chatStream } from "${pkg}/funcs/chatStream.js";
  export async function run(serverURL) {
    const client = new MistralCore({ apiKey: "x", serverURL });
    const result = await chatStream(client, { model: "m", messages: ${messages} });
    if (!result.ok) throw result.error;
    let text = "";
    for await (const ev of result.value) text += ev.data.choices[0]?.delta.content ?? "";
    return text;
  }`;

/** App code per row: each streams one chat and returns its text. */
export const apps = {
  "mistral-stream: new Mistral() + chat.stream": viaClient("mistral-stream"),
  "mistral-stream: MistralCore + chatStream": viaFunctions("mistral-stream"),
  "@mistralai/mistralai: new Mistral() + chat.stream": viaClient("@mistralai/mistralai"),
  "@mistralai/mistralai: MistralCore + chatStream": viaFunctions("@mistralai/mistralai"),
  "openai: chat.completions.create stream": `import OpenAI from "openai";
    export async function run(baseURL) {
      const client = new OpenAI({ apiKey: "x", baseURL, dangerouslyAllowBrowser: true });
      let text = "";
      for await (const c of await client.chat.completions.create({ model: "m", stream: true, messages: ${messages} }))
        text += c.choices[0]?.delta.content ?? "";
      return text;
    }`,
};

/**
 * Bundles `code` as an app's bundler would (esbuild, minified, for the
 * browser, code splitting on); returns the build, its metafile outputs, the
 * outputs that load at start (the entry and what it imports statically) and
 * their files.
 */
export async function buildAtStart(code, plugins = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: "/virtual",
    metafile: true,
    write: false,
    logLevel: "silent",
    external: ["@opentelemetry/api"],
    plugins,
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint === "<stdin>");
  const atStart = new Set();
  const visit = (path) => {
    if (atStart.has(path)) return;
    atStart.add(path);
    for (const i of outputs[path].imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(entry);
  const files = result.outputFiles.filter((f) =>
    [...atStart].some((p) => f.path.endsWith(p.slice(p.lastIndexOf("/")))),
  );
  return { outputs, atStart, files };
}

/** Bundles `code`; returns minified and gzip bytes of what loads at start, and the code itself. */
export async function bundleSize(code) {
  const { outputs, atStart, files } = await buildAtStart(code);
  return {
    min: files.reduce((s, f) => s + f.contents.byteLength, 0),
    gzip: files.reduce((s, f) => s + gzipSync(f.contents, { level: 9 }).byteLength, 0),
    code: Buffer.concat(files.map((f) => f.contents)).toString(),
    lazyChunks: Object.keys(outputs).filter((k) => !atStart.has(k)),
  };
}

/** Every row of {@link apps} that builds (a package not installed is left out). */
export async function bundleSizes() {
  const rows = [];
  for (const [name, code] of Object.entries(apps)) {
    try {
      rows.push({ name, ...(await bundleSize(code)) });
    } catch (error) {
      rows.push({ name, min: Number.NaN, gzip: Number.NaN, error: String(error).split("\n")[0] });
    }
  }
  return rows;
}
