import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { inspect, promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { repoRoot } from "../../helpers/paths.js";
import { ConnectionError, InvalidRequestError, type Logger, Mistral } from "../../helpers/sdk.js";
import { drain, request } from "../../reliability/helpers.js";

const timeout = 20_000;
const execFileAsync = promisify(execFile);
const apiKey = "sk-debug-log-secret-0123456789";

/** A logger that keeps what it is given: one entry per call, groups as "[" and "]". */
function recorder(): Logger & { lines: unknown[][]; text(): string } {
  const lines: unknown[][] = [];
  return {
    lines,
    group: (label) => lines.push(["[", label]),
    groupEnd: () => lines.push(["]"]),
    log: (...args) => lines.push(args),
    text: () => lines.map((args) => args.map((a) => inspect(a, { depth: 9 })).join(" ")).join("\n"),
  };
}

describe("debugLogger: each request and response written", { timeout }, () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
  });
  after(() => emulator.close());

  const client = (debugLogger: Logger, url = emulator.url) =>
    new Mistral({ apiKey, serverURL: url, debugLogger, retryConfig: { strategy: "none" } });

  test("a stream: the request with its body, the response with its status; the key never", async () => {
    const logger = recorder();
    const { text, error } = await drain(await client(logger).chat.stream(request));
    assert.equal(error, undefined);
    assert.ok(text.length > 0);
    const url = `${emulator.url}/v1/chat/completions`;
    assert.deepEqual(logger.lines[0], ["[", `> Request: POST ${url}`]);
    assert.ok(logger.lines.some((l) => l[0] === "authorization: Bearer [redacted]"));
    assert.ok(logger.lines.some((l) => l[0] === "accept: text/event-stream"));
    const body = logger.lines.find((l) => (l[0] as { model?: string })?.model !== undefined);
    assert.deepEqual((body?.[0] as { stream?: boolean }).stream, true);
    assert.ok(logger.lines.some((l) => l[0] === "[" && l[1] === `< Response: POST ${url}`));
    assert.ok(logger.lines.some((l) => l[0] === "Status Code:" && l[1] === 200));
    assert.ok(logger.lines.some((l) => /^content-type: text\/event-stream/.test(String(l[0]))));
    // Groups open and close in pairs; nothing of the event stream's body is written.
    const opened = logger.lines.filter((l) => l[0] === "[").length;
    assert.equal(opened, logger.lines.filter((l) => l[0] === "]").length);
    assert.ok(!logger.text().includes("Response body"));
    assert.ok(!logger.text().includes(apiKey), "the API key was written");
  });

  test("a whole answer: its JSON body is written once the client has read it", async () => {
    const logger = recorder();
    const response = await client(logger).chat.complete(request);
    const at = logger.lines.findIndex((l) => /^< Response body: POST /.test(String(l[1])));
    assert.ok(at > 0, logger.text());
    const written = logger.lines[at + 1]?.[0] as {
      choices?: Array<{ message?: { content?: string } }>;
    };
    assert.equal(written.choices?.[0]?.message?.content, response.choices[0]?.message?.content);
  });

  test("an error response's body is written too", async () => {
    const logger = recorder();
    const bad = { ...request, model: "no-such-model" };
    await assert.rejects(client(logger).chat.complete(bad));
    assert.ok(
      logger.lines.some((l) => l[0] === "Status Code:" && l[1] === 400),
      logger.text(),
    );
    assert.match(logger.text(), /Response body[\s\S]*no-such-model/);
  });

  test("a connection failure is written, and still rejects as ConnectionError", async () => {
    const logger = recorder();
    await assert.rejects(
      client(logger, "http://127.0.0.1:9").chat.complete(request),
      ConnectionError,
    );
    assert.ok(
      logger.lines.some((l) => /^< Failed: POST http:\/\/127\.0\.0\.1:9\//.test(String(l[0]))),
    );
  });

  test("a logger that throws loses its lines, not the request", async () => {
    const broken: Logger = {
      group() {
        throw new Error("log full");
      },
      groupEnd() {},
      log() {
        throw new Error("log full");
      },
    };
    const response = await client(broken).chat.complete(request);
    assert.ok(response.choices.length > 0);
  });

  test("a debugLogger without group, groupEnd and log is refused at construction", () => {
    for (const debugLogger of [{}, "console", { group() {}, log() {} }]) {
      assert.throws(
        () => new Mistral({ debugLogger: debugLogger as unknown as Logger }),
        (e: unknown) => e instanceof InvalidRequestError && /debugLogger must have/.test(e.message),
      );
    }
  });

  test("MISTRAL_DEBUG in the environment writes to console", async () => {
    const script = `import { Mistral } from "mistral-stream";
      const client = new Mistral({ apiKey: "${apiKey}", serverURL: process.argv[1] });
      const r = await client.models.list();
      console.log("models:", r.data.length > 0);`;
    // Asynchronously: the emulator answering the child runs in this process.
    const run = (env: Record<string, string>) =>
      execFileAsync(process.execPath, ["--input-type=module", "-e", script, emulator.url], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 15_000,
        env: { ...process.env, MISTRAL_API_KEY: "", ...env },
      });
    const on = await run({ MISTRAL_DEBUG: "1" });
    assert.match(on.stdout, new RegExp(`> Request: GET ${emulator.url}/v1/models`));
    assert.match(on.stdout, /Status Code: 200/);
    assert.match(on.stdout, /models: true/);
    assert.ok(!on.stdout.includes(apiKey));
    const off = await run({});
    assert.equal(off.stdout.trim(), "models: true");
  });
});
