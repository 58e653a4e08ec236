// examples/app-layer/main.mjs, as a newcomer runs it (no API key: the
// emulator): every part prints its result and the script exits 0.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cleanEnv } from "../cli/cli-harness.js";
import { repoRoot } from "../helpers/paths.js";

test(
  "the app-layer example runs against the emulator: parse, parseStream, runTools, resume",
  { timeout: 60_000 },
  async () => {
    const child = spawn(process.execPath, [join(repoRoot, "examples", "app-layer", "main.mjs")], {
      env: cleanEnv({ MISTRAL_API_KEY: undefined }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    assert.equal(code, 0, err);
    assert.match(out, /^parse: \{"name":"[^"]+","country":"[^"]*","population":-?\d+\}$/m);
    assert.match(out, /^parseStream: \d+ partials, final \{/m);
    assert.match(out, /^\[round 1\] get_weather → \{"city":/m);
    assert.match(out, /^runTools: 2 rounds, \d+ messages, \d+ tokens$/m);
    assert.match(out, /^resume: \d+ characters, 1 resume\(s\), one answer$/m);
  },
);
