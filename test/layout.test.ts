// The rooms of src/ and what each may import (ARCHITECTURE.md), checked on the
// sources themselves, so a change that breaks a rule fails here with its name.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "./helpers/paths.js";

const src = join(repoRoot, "src");

/** Every .ts file under `dir`, relative to src/. */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) out.push(relative(src, path));
    }
  };
  walk(join(src, dir));
  return out.sort();
}

/** The modules a file imports (type-only imports included): `node:x`, or a path relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), "utf8");
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"/gm),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) =>
    s.startsWith(".") ? relative(src, join(src, dirname(file), s)).replace(/\.js$/, ".ts") : s,
  );
}

function outside(file: string, allowed: (target: string) => boolean): string[] {
  return importsOf(file)
    .filter((target) => !allowed(target))
    .map((target) => `${file} imports ${target}`);
}

function assertNone(found: string[]) {
  assert.deepEqual(found, [], found.join("\n"));
}

describe("the layout", () => {
  test("the core imports nothing outside src/core/, and no node: module", () => {
    assertNone(sources("core").flatMap((f) => outside(f, (t) => t.startsWith("core/"))));
  });

  test("the SSE layer imports nothing outside itself (no client errors)", () => {
    assertNone(sources("core/sse").flatMap((f) => outside(f, (t) => t.startsWith("core/sse/"))));
  });

  test("the errors import only each other, the shared helpers and the public model types", () => {
    assertNone(
      sources("core/errors").flatMap((f) =>
        outside(
          f,
          (t) =>
            t.startsWith("core/errors/") || t.startsWith("core/models/") || t === "core/util.ts",
        ),
      ),
    );
    // The models are types only (a partial result carries a response): no value may come from there.
    const valueImports = sources("core/errors").flatMap((f) =>
      [
        ...readFileSync(join(src, f), "utf8").matchAll(
          /^import\s+(?!type\b)[^;]*from\s*"([^"]*models[^"]*)"/gm,
        ),
      ].map((m) => `${f} imports values from ${m[1]}`),
    );
    assertNone(valueImports);
  });

  test("no import cycle between error files, type-only imports included", () => {
    const files = sources("core/errors").filter((f) => !f.endsWith("index.ts"));
    const edges = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (file: string, path: string[]) => {
      assert.ok(!visiting.has(file), `cycle: ${[...path, file].join(" → ")}`);
      if (done.has(file)) return;
      visiting.add(file);
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      visiting.delete(file);
      done.add(file);
    };
    for (const file of files) visit(file, []);
  });

  test("what a stream loads on first use imports nothing at run time (so its chunk shares no code)", () => {
    const lazy = new Set(
      sources("core/stream").flatMap((f) =>
        [...readFileSync(join(src, f), "utf8").matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) =>
          relative(src, join(src, dirname(f), m[1]!)).replace(/\.js$/, ".ts"),
        ),
      ),
    );
    assert.ok(lazy.size >= 3, [...lazy].join(", "));
    const valueImports = [...lazy].flatMap((f) =>
      [
        ...readFileSync(join(src, f), "utf8").matchAll(
          /^import\s+(?!type\b)[^;]*?from\s*"([^"]+)"/gm,
        ),
      ]
        .map((m) => relative(src, join(src, dirname(f), m[1]!)).replace(/\.js$/, ".ts"))
        .filter((target) => !lazy.has(target))
        .map((target) => `${f} imports ${target}`),
    );
    assertNone(valueImports);
  });

  /** The rooms of the core that load on first use, and the only modules that load each. */
  const lazyRooms = [
    {
      room: "core/app/",
      entry: "../app/index.js",
      loaders: ["core/resources/chat.ts", "core/resources/conversations.ts"],
    },
    {
      room: "core/conversations/",
      entry: "../conversations/index.js",
      loaders: ["core/resources/lazy-calls.ts", "core/stream/relay-in.ts"],
    },
  ];
  test("core/endpoints/ is reached only through import(), by the resources that forward to it", () => {
    const room = "core/endpoints/";
    const outside = sources("core").filter((f) => !f.startsWith(room));
    const valueImports = outside.flatMap((f) =>
      [
        ...readFileSync(join(src, f), "utf8").matchAll(
          /^import\s+(?!type\b)[^;]*?from\s*"([^"]+)"/gm,
        ),
      ]
        .map((m) => relative(src, join(src, dirname(f), m[1]!)))
        .filter((target) => target.startsWith(room))
        .map((target) => `${f} imports ${target}`),
    );
    assertNone(valueImports);
    const loaders = outside.filter((f) =>
      readFileSync(join(src, f), "utf8").includes('import("../endpoints/'),
    );
    assert.deepEqual(loaders, [
      "core/resources/audio.ts",
      "core/resources/batch.ts",
      "core/resources/classifiers.ts",
      "core/resources/embeddings.ts",
      "core/resources/files.ts",
      "core/resources/ocr.ts",
    ]);
  });

  test("the Node room imports only node: modules, itself and the public entry of the core", () => {
    assertNone(
      sources("node").flatMap((f) =>
        outside(f, (t) => t.startsWith("node:") || t.startsWith("node/") || t === "core/index.ts"),
      ),
    );
  });

  for (const { room, entry, loaders } of lazyRooms) {
    test(`${room} is reached only through import(): no module outside it imports it at run time`, () => {
      const outside = sources("core").filter((f) => !f.startsWith(room));
      const valueImports = outside.flatMap((f) =>
        [
          ...readFileSync(join(src, f), "utf8").matchAll(
            /^import\s+(?!type\b)[^;]*?from\s*"([^"]+)"/gm,
          ),
        ]
          .map((m) => relative(src, join(src, dirname(f), m[1]!)))
          .filter((target) => target.startsWith(room))
          .map((target) => `${f} imports ${target}`),
      );
      assertNone(valueImports);
      const found = outside.filter(
        (f) =>
          readFileSync(join(src, f), "utf8").includes(`await import("${entry}")`) ||
          readFileSync(join(src, f), "utf8").includes(`=> import("${entry}")`),
      );
      assert.deepEqual(found, loaders);
    });
  }

  test("public types and wire mapping pair file for file", () => {
    const names = (dir: string) => sources(dir).map((f) => f.slice(dir.length + 1));
    const unpaired = new Set([
      "index.ts",
      "wire.ts",
      "free-form.ts",
      "entity-fields.ts",
      "field-table.ts",
    ]);
    const models = names("core/models").filter((n) => !unpaired.has(n));
    const codec = names("core/codec").filter((n) => !unpaired.has(n));
    assert.deepEqual(codec, models);
  });

  test("no `as unknown as` cast in the core", () => {
    assertNone(
      sources("core").filter((f) => readFileSync(join(src, f), "utf8").includes("as unknown as")),
    );
  });

  test("the emulator imports only node: modules and itself", () => {
    assertNone(
      sources("emulator").flatMap((f) =>
        outside(f, (t) => t.startsWith("node:") || t.startsWith("emulator/")),
      ),
    );
  });

  test("the CLI reaches the client only through its public entries", () => {
    assertNone(
      sources("cli").flatMap((f) =>
        outside(
          f,
          (t) =>
            t.startsWith("node:") ||
            t.startsWith("cli/") ||
            t === "core/index.ts" ||
            t === "node/main.ts" ||
            t.startsWith("emulator/"),
        ),
      ),
    );
  });

  test("OpenTelemetry reaches the client only through its public entry, and the core never reaches it", () => {
    assertNone(
      sources("otel").flatMap((f) =>
        outside(
          f,
          (t) => t.startsWith("otel/") || t === "core/index.ts" || t === "@opentelemetry/api",
        ),
      ),
    );
    assertNone(
      sources("core").flatMap((f) =>
        importsOf(f).filter((t) => t.includes("opentelemetry") || t.startsWith("otel/")),
      ),
    );
  });

  test("every room has a README, and no source file passes 300 lines", () => {
    for (const room of ["core", "node", "emulator", "cli", "otel"]) {
      assert.ok(readdirSync(join(src, room)).includes("README.md"), `src/${room}/README.md`);
    }
    const long = [
      ...sources("core"),
      ...sources("emulator"),
      ...sources("cli"),
      ...sources("otel"),
      ...sources("node"),
    ].filter((f) => readFileSync(join(src, f), "utf8").split("\n").length > 301);
    assertNone(long);
  });
});
