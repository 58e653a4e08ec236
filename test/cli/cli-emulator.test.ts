import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, test } from "node:test";
import { cleanEnv, cliPath, runCli, waitUntil } from "./cli-harness.js";

const notice = "mistral-stream: no MISTRAL_API_KEY set — answering from the local emulator\n";
const prompt = "Write a short poem about streaming tokens.";

describe(
  "mistral-stream chat without an API key (in-process emulator)",
  { timeout: 90_000 },
  () => {
    test("streams the emulator's answer to stdout and says so on stderr", async () => {
      const result = await runCli(["chat", prompt]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, notice);
      assert.ok(result.stdout.trim().length > 20, `an answer: ${JSON.stringify(result.stdout)}`);
      assert.ok(result.stdout.endsWith("\n") && !result.stdout.endsWith("\n\n"));
    });

    test("MISTRAL_DEBUG writes each request and response to stderr; stdout has only the answer", async () => {
      const plain = await runCli(["chat", prompt]);
      const debug = await runCli(["chat", prompt], { env: { MISTRAL_DEBUG: "1" } });
      assert.equal(debug.code, 0, debug.stderr);
      assert.equal(debug.stdout, plain.stdout);
      assert.match(
        debug.stderr,
        /> Request: POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/,
      );
      assert.match(debug.stderr, /Status Code: 200/);
    });

    test("reads the prompt from piped stdin", async () => {
      const fromArgs = await runCli(["chat", prompt]);
      const fromStdin = await runCli(["chat"], { input: `${prompt}\n` });
      assert.equal(fromStdin.code, 0, fromStdin.stderr);
      assert.equal(
        fromStdin.stdout,
        fromArgs.stdout,
        "the emulator is deterministic: same prompt, same answer",
      );
    });

    test("--json lines parse and reassemble the text printed without --json", async () => {
      const text = await runCli(["chat", prompt]);
      const json = await runCli(["chat", "--json", prompt]);
      assert.equal(json.code, 0, json.stderr);
      const chunks = json.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as { choices: Array<{ delta: { content?: unknown } }> });
      assert.ok(chunks.length > 3);
      const joined = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
      assert.equal(`${joined}\n`, text.stdout);
    });

    test("--stats adds time to first token, tokens/s and usage on stderr", async () => {
      const result = await runCli(["chat", "--stats", "--max-tokens", "20", prompt]);
      assert.equal(result.code, 0, result.stderr);
      // The answer is cut at 20 tokens, which a note says before the stats.
      const [first, cut, stats, ...rest] = result.stderr.split("\n");
      assert.equal(`${first}\n`, notice);
      assert.equal(
        cut,
        "mistral-stream: the answer was cut short by --max-tokens 20 (finish_reason: length)",
      );
      assert.match(
        stats ?? "",
        /^stats: first token \d+ ms, [\d.]+ tokens\/s \(\d+ tokens in [\d.]+ s\), usage: \d+ prompt \+ \d+ completion = \d+ tokens, longest gap \d+ ms$/,
      );
      assert.deepEqual(rest, [""]);
    });
  },
);

describe("mistral-stream emulator", { timeout: 90_000 }, () => {
  test("prints its URL, serves chats, and closes cleanly on SIGTERM (exit 0)", async () => {
    const emulator = startEmulatorProcess(["--port", "0", "--tokens-per-second", "0"]);
    try {
      const url = await emulator.url;
      const result = await runCli(["chat", "--server-url", url, "Hello there"]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, "", "no emulator notice: a server was given");
      assert.ok(result.stdout.trim().length > 0);
      await waitUntil(
        () => emulator.stderr().includes("POST /v1/chat/completions 200"),
        5000,
        "the request log",
      );
      emulator.child.kill("SIGTERM");
      assert.equal(await emulator.exit, 0, emulator.stderr());
      assert.match(emulator.stderr(), /SIGTERM received, closing the emulator/);
    } finally {
      emulator.child.kill("SIGKILL");
    }
  });

  test("SIGINT stops it too, and its --api-key makes a keyless chat exit 3 (401)", async () => {
    const emulator = startEmulatorProcess(["--api-key", "secret", "--quiet"]);
    try {
      const url = await emulator.url;
      const denied = await runCli(["chat", "--server-url", url, "hi"]);
      assert.equal(denied.code, 3, denied.stderr);
      assert.match(denied.stderr, /^mistral-stream: API error 401/);
      const allowed = await runCli(["chat", "--server-url", url, "hi"], {
        env: { MISTRAL_API_KEY: "secret" },
      });
      assert.equal(allowed.code, 0, allowed.stderr);
      emulator.child.kill("SIGINT");
      assert.equal(await emulator.exit, 0);
      assert.doesNotMatch(emulator.stderr(), /POST \/v1/, "--quiet");
    } finally {
      emulator.child.kill("SIGKILL");
    }
  });

  test("faults make the chat fail with the matching exit code", async () => {
    const cases: Array<[string, number]> = [
      ["drop-after-events=3", 4],
      ["error-event;after-events=2", 3],
      ["status=503;retry-after=0", 3],
    ];
    for (const [fault, code] of cases) {
      const emulator = startEmulatorProcess([
        "--fault",
        fault,
        "--quiet",
        "--tokens-per-second",
        "0",
      ]);
      try {
        const url = await emulator.url;
        const result = await runCli(["chat", "--server-url", url, "hi"]);
        assert.equal(result.code, code, `${fault}: ${result.stderr}`);
        assert.equal(result.stderr.split("\n").length, 2, `${fault}: one line: ${result.stderr}`);
        emulator.child.kill("SIGTERM");
        assert.equal(await emulator.exit, 0);
      } finally {
        emulator.child.kill("SIGKILL");
      }
    }
  });

  test("bad emulator options are usage errors; a busy port exits 4", async () => {
    const badFault = await runCli(["emulator", "--fault", "explode=1"]);
    assert.equal(badFault.code, 2);
    assert.match(badFault.stderr, /^mistral-stream: bad --fault "explode=1"/);
    const remote = await runCli(["emulator", "--host", "0.0.0.0"]);
    assert.equal(remote.code, 2);
    assert.match(remote.stderr, /allowRemote|allow-remote/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = busy.address() as { port: number };
      const result = await runCli(["emulator", "--port", String(port)]);
      assert.equal(result.code, 4);
      assert.equal(
        result.stderr,
        `mistral-stream: cannot listen on 127.0.0.1:${port}: the port is already in use\n`,
      );
    } finally {
      busy.close();
    }
  });
});

/** Runs `mistral-stream emulator ...args` in the background. */
function startEmulatorProcess(args: string[]): {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<number | null>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, [cliPath, "emulator", ...args], { env: cleanEnv() });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const url = waitUntil(() => /\n/.test(stdout), 10_000, "the emulator URL").then(() => {
    const line = stdout.split("\n")[0] ?? "";
    assert.match(line, /^http:\/\/127\.0\.0\.1:\d+$/);
    return line;
  });
  return { child, url, exit, stderr: () => stderr };
}
