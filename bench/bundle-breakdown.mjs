// Where the bytes of a browser bundle come from: the apps of sizes.mjs,
// bundled from the TypeScript sources (the package's entries mapped onto
// src/), minified, with what loads at start broken down by source file.
// Usage: node bench/bundle-breakdown.mjs [top=25]
import { gzipSync } from "node:zlib";
import { apps, buildAtStart } from "./sizes.mjs";

const root = new URL("..", import.meta.url).pathname;
const top = Number(process.argv[2] ?? 25);

/** Resolves the package's own entries to their sources. */
const fromSources = {
  name: "from-sources",
  setup(b) {
    b.onResolve({ filter: /^mistral-stream(\/.*)?$/ }, ({ path }) => {
      const sub = path.slice("mistral-stream".length);
      if (sub === "") return { path: `${root}src/core/index.ts` };
      if (sub === "/core.js") return { path: `${root}src/core/fp/entry.ts` };
      const func = /^\/funcs\/(\w+)\.js$/.exec(sub);
      if (func) return { path: `${root}src/core/funcs/${func[1]}.ts` };
      return undefined;
    });
  },
};

for (const [name, contents] of Object.entries(apps)) {
  if (!name.startsWith("mistral-stream")) continue;
  const { outputs, atStart, files } = await buildAtStart(contents, [fromSources]);
  const bySource = new Map();
  for (const path of atStart) {
    for (const [source, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
      bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
    }
  }
  const min = files.reduce((s, f) => s + f.contents.byteLength, 0);
  const gzip = files.reduce((s, f) => s + gzipSync(f.contents, { level: 9 }).byteLength, 0);
  console.log(
    `\n## ${name}: ${(min / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB gzip at start\n`,
  );
  console.log("| source | min bytes | share |\n| --- | ---: | ---: |");
  const rows = [...bySource].sort((a, b) => b[1] - a[1]);
  for (const [source, bytes] of rows.slice(0, top)) {
    console.log(`| ${source} | ${bytes} | ${((bytes / min) * 100).toFixed(1)} % |`);
  }
  const rest = rows.slice(top).reduce((s, [, b]) => s + b, 0);
  console.log(
    `| ${rows.length - top} more files | ${rest} | ${((rest / min) * 100).toFixed(1)} % |`,
  );
  // The same bytes by room of src/core/ (what each part of the design costs).
  const byRoom = new Map();
  for (const [source, bytes] of rows) {
    const room = /^src\/core\/(\w+)\//.exec(source)?.[1] ?? "(other)";
    byRoom.set(room, (byRoom.get(room) ?? 0) + bytes);
  }
  const line = [...byRoom].sort((a, b) => b[1] - a[1]).map(([r, b]) => `${r}/ ${b}`);
  console.log(`\nBy room (min bytes): ${line.join(", ")}`);
}
