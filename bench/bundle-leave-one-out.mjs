// What each part of the stream path costs in the function API's browser
// bundle, gzip: the app of sizes.mjs (`MistralCore` + `chatStream`), built from
// the sources, once whole and once per part with that part's files replaced
// by empty exports. The difference is what the part adds at start, what it
// shares with the rest included (so the rows overlap and do not sum to the
// whole). The bundles with a part left out do not run; they are only weighed.
// Usage: node bench/bundle-leave-one-out.mjs
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { apps, buildAtStart } from "./sizes.mjs";

const root = new URL("..", import.meta.url).pathname;

/** Parts of the path, by the files of src/core/ they are made of. */
const parts = {
  "client options, validated": ["call/options.ts"],
  "transport choice (fetch, httpClient, debugLogger)": ["call/transport-choice.ts"],
  "header checks": ["call/headers.ts"],
  "API key": ["call/auth.ts"],
  "call scope (signal, deadlines)": ["http/call-scope.ts"],
  "retry policy and back-off": ["http/retry-policy.ts", "http/delay.ts"],
  "error responses": ["http/error-response.ts"],
  "HTTP error classes": ["errors/http-errors.ts"],
  "stream error classes": ["errors/stream-errors.ts"],
  "failure classification mid-stream": ["stream/failures.ts"],
  "SSE parser (spec-complete)": ["sse/parser.ts"],
  "UTF-8 decoding across reads": ["sse/decoder.ts"],
  "event reader (queue, idle deadline, release)": ["stream/event-reader.ts"],
  stats: ["stream/stats.ts"],
  "snapshot (partial results, finalResponse)": ["stream/chat-snapshot.ts"],
  "content chunks, both ways": ["codec/content.ts"],
  "tools and tool calls, both ways": ["codec/tools.ts"],
  usage: ["codec/usage.ts"],
  guardrails: ["codec/guardrails.ts"],
  "chat request encoder": ["codec/chat-request.ts"],
};

/** `path`'s exports, each an empty function, class or object. */
function emptied(path) {
  const source = readFileSync(path, "utf8");
  const out = [];
  const exported =
    /^export (?:async )?function\*? (\w+)|^export (?:abstract )?class (\w+)|^export const (\w+)/gm;
  for (const [, fn, cls, value] of source.matchAll(exported)) {
    if (fn) out.push(`export function ${fn}() {}`);
    if (cls) out.push(`export class ${cls} {}`);
    if (value) out.push(`export const ${value} = {};`);
  }
  return out.join("\n");
}

/** Resolves the package's own entries to their sources, with `left` emptied. */
function fromSources(left) {
  return {
    name: "from-sources",
    setup(b) {
      b.onResolve({ filter: /^mistral-stream(\/.*)?$/ }, ({ path }) => {
        const sub = path.slice("mistral-stream".length);
        if (sub === "/core.js") return { path: `${root}src/core/fp/entry.ts` };
        const func = /^\/funcs\/(\w+)\.js$/.exec(sub);
        return func ? { path: `${root}src/core/funcs/${func[1]}.ts` } : undefined;
      });
      b.onLoad({ filter: /src\/core\/.*\.ts$/ }, ({ path }) =>
        left.some((file) => path.endsWith(`src/core/${file}`))
          ? { contents: emptied(path), loader: "ts" }
          : undefined,
      );
    },
  };
}

async function gzipAtStart(left) {
  const app = apps["mistral-stream: MistralCore + chatStream"];
  const { files } = await buildAtStart(app, [fromSources(left)]);
  return files.reduce((sum, f) => sum + gzipSync(f.contents, { level: 9 }).byteLength, 0);
}

const whole = await gzipAtStart([]);
console.log(`MistralCore + chatStream, from the sources: ${whole} B gzip at start\n`);
console.log("| part left out | B gzip it adds | share |\n| --- | ---: | ---: |");
for (const [name, files] of Object.entries(parts)) {
  const cost = whole - (await gzipAtStart(files));
  console.log(`| ${name} | ${cost} | ${((cost / whole) * 100).toFixed(1)} % |`);
}
