// The packed tarball as npm would publish it: publint and "Are the types
// wrong?" find nothing to fix (ESM only, so their CommonJS-only resolution
// modes are not counted), every entry is side-effect free and documented
// (typedoc's validation, the API reference's source), and CommonJS code on
// Node ≥ 20.19 can `require()` the ESM build.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { repoRoot } from "../helpers/paths.js";

const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

describe("the packed package", () => {
  let dir: string;
  let tarball: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "mistral-stream-pack-"));
    // --ignore-scripts: the tests run on the dist/ already built; a rebuild would race them.
    const packed = spawnSync(
      "npm",
      ["pack", "--ignore-scripts", "--json", "--pack-destination", dir],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    assert.equal(packed.status, 0, packed.stderr);
    tarball = join(dir, JSON.parse(packed.stdout)[0].filename);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("publint finds nothing, not even a suggestion", async () => {
    const bytes = readFileSync(tarball);
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const { messages } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: "suggestion",
      strict: true,
    });
    assert.deepEqual(
      messages.map((m) => formatMessage(m, pkg) ?? m.code),
      [],
    );
  });

  test("Are the types wrong? finds no problem for ESM consumers (node16 from ESM, bundlers)", () => {
    const result = spawnSync(
      process.execPath,
      [bin("attw"), tarball, "--profile", "esm-only", "--format", "json"],
      {
        encoding: "utf8",
      },
    );
    const report = JSON.parse(result.stdout);
    const problems = (report.analysis?.problems ?? []) as {
      kind: string;
      resolutionKind?: string;
    }[];
    const counted = problems.filter(
      (p) => !["node10", "node16-cjs"].includes(p.resolutionKind ?? ""),
    );
    assert.deepEqual(counted, [], JSON.stringify(counted, null, 2));
    assert.equal(report.analysis?.types?.kind, "included");
  });

  test("package.json says every module is free of side effects, and every export has types", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    assert.equal(pkg.sideEffects, false);
    for (const [path, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
      if (path === "./package.json") continue;
      assert.match(String((target as { types?: string }).types), /\.d\.ts$/, path);
    }
  });

  test("every export of every entry has TSDoc, and every link in it resolves (typedoc's validation)", () => {
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, "node_modules", "typedoc", "bin", "typedoc"), "--emit", "none"],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    const output = `${result.stdout}${result.stderr}`.replace(
      new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"),
      "",
    );
    assert.equal(result.status, 0, output);
    assert.doesNotMatch(output, /\[warning\]|\[error\]/, output);
  });

  test("CommonJS on this Node can require() the ESM build and gets the same classes", () => {
    const script = `const a = require("mistral-stream"); const b = require("mistral-stream/models/errors");
      const { startEmulator } = require("mistral-stream/emulator");
      process.stdout.write([typeof a.Mistral, a.HTTPValidationError === b.HTTPValidationError, typeof startEmulator].join(" "));`;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, "function true function");
  });
});
