// The README's TypeScript examples compile, under this project's strict
// settings, against the built package's types: a newcomer who copies one gets
// no type error, and a renamed option or method breaks this test, not them.
// The names an example leaves to the app around it (`client`, `messages`, a
// `render` function …) are declared once below.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../helpers/paths.js";

/** What the examples take from the app around them. */
const appNames = `import type * as M from "mistral-stream";
import type { z } from "zod";
declare global {
  const Mistral: typeof M.Mistral;
  const client: M.Mistral;
  const messages: M.Messages[];
  const request: M.ChatCompletionStreamRequest;
  const stream: M.EventStream<M.CompletionEvent>;
  const City: z.ZodObject<{ name: z.ZodString; population: z.ZodNumber }>;
  const tracer: import("@opentelemetry/api").Tracer;
  const body: string;
  const output: { append(text: string): void };
  const player: { write(bytes: Uint8Array): void };
  const pdfBase64: string;
  function log(text: string): void;
  function reject(): void;
  function render(value: unknown): void;
  function fetchWeather(city: string, options: { signal: AbortSignal }): Promise<unknown>;
  const myInstrumentedFetch: typeof fetch;
}
export {};
`;

/** The bodies of the README's ```ts blocks, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

describe("the README's examples", { timeout: 120_000 }, () => {
  let dir: string;
  before(() => {
    // Inside the repository, so `mistral-stream` resolves to this package by its own name.
    dir = mkdtempSync(join(repoRoot, ".build-readme-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("every TypeScript example type-checks against the package", () => {
    const examples = readmeExamples();
    assert.ok(examples.length >= 15, `${examples.length} examples found`);
    examples.forEach((code, i) => {
      // Each example is its own module: its names do not clash with the others'.
      writeFileSync(join(dir, `example-${String(i).padStart(2, "0")}.ts`), `${code}\nexport {};\n`);
    });
    writeFileSync(join(dir, "app-names.d.ts"), appNames);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../tsconfig.json",
        compilerOptions: { noEmit: true, rootDir: "." },
        include: ["./*.ts"],
      }),
    );
    const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 100_000,
    });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  });
});
