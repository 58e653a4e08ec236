import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { runCli, waitUntil } from "./cli-harness.js";
import { sendStream } from "./sse-script.js";

const words = ["Streaming ", "tokens ", "arrive ", "one ", "by ", "one."];

describe(
  "mistral-stream chat against a server given with --server-url",
  { timeout: 90_000 },
  () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer((_req, res) => sendStream(res, { pieces: words }));
    });
    after(() => server.close());

    const lastBody = () =>
      JSON.parse(server.requests.at(-1)?.body ?? "{}") as Record<string, unknown>;

    test("streams the answer to stdout and sends the options on the wire", async () => {
      const result = await runCli([
        "chat",
        "--server-url",
        server.url,
        "-m",
        "open-mistral-nemo",
        "--system",
        "Be brief.",
        "--temperature",
        "0.3",
        "--max-tokens",
        "64",
        "Tell",
        "me",
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${words.join("")}\n`);
      assert.equal(result.stderr, "", "no emulator notice when a server URL is given");
      assert.deepEqual(lastBody(), {
        model: "open-mistral-nemo",
        temperature: 0.3,
        max_tokens: 64,
        stream: true,
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Tell me" },
        ],
      });
      assert.equal(server.requests.at(-1)?.url, "/v1/chat/completions");
    });

    test("reads the prompt from piped stdin and uses MISTRAL_SERVER_URL", async () => {
      const result = await runCli(["chat"], {
        input: "What is a stream?\nAnswer in one line.\n",
        env: { MISTRAL_SERVER_URL: server.url },
      });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${words.join("")}\n`);
      const messages = lastBody().messages as Array<{ content: string }>;
      assert.equal(messages[0]?.content, "What is a stream?\nAnswer in one line.");
      assert.equal(lastBody().model, "mistral-small-latest", "the default model");
    });

    test("--json prints one public CompletionChunk per line that reassembles the text", async () => {
      const result = await runCli(["chat", "--json", "--server-url", server.url, "hi"]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.trimEnd().split("\n");
      assert.equal(lines.length, words.length + 2, "role chunk + one per word + final chunk");
      const chunks = lines.map(
        (line) =>
          JSON.parse(line) as {
            choices: Array<{ delta: { content?: string }; finishReason: string | null }>;
            usage?: { completionTokens: number };
          },
      );
      assert.equal(chunks.map((c) => c.choices[0]?.delta.content ?? "").join(""), words.join(""));
      assert.equal(chunks.at(-1)?.choices[0]?.finishReason, "stop", "camelCase, not finish_reason");
      assert.equal(chunks.at(-1)?.usage?.completionTokens, words.length);
    });

    test("--stats reports time to first token, throughput and usage on stderr only", async () => {
      const result = await runCli(["chat", "--stats", "--server-url", server.url, "hi"]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${words.join("")}\n`);
      assert.match(
        result.stderr,
        /^stats: first token \d+ ms, [\d.]+ tokens\/s \(6 tokens in [\d.]+ s\), usage: 7 prompt \+ 6 completion = 13 tokens, longest gap \d+ ms\n$/,
      );
    });

    test("a reasoning model's thinking goes to stderr when stdout is not a terminal", async () => {
      server.setHandler((_req, res) =>
        sendStream(res, {
          pieces: [
            [{ type: "thinking", thinking: [{ type: "text", text: "Let me think." }] }],
            [{ type: "text", text: "The answer " }],
            "is 42.",
          ],
        }),
      );
      try {
        const result = await runCli(["chat", "--server-url", server.url, "hi"]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, "The answer is 42.\n");
        assert.equal(result.stderr, "Let me think.\n");
      } finally {
        server.setHandler((_req, res) => sendStream(res, { pieces: words }));
      }
    });
  },
);

describe("mistral-stream chat exit codes", { timeout: 90_000 }, () => {
  test("HTTP 401 exits 3 with the server's message on one line", async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(401, {
        "content-type": "application/json",
        "mistral-correlation-id": "req-401",
      });
      res.end(JSON.stringify({ message: "Unauthorized", request_id: "req-401" }));
    });
    try {
      const result = await runCli(["chat", "--server-url", server.url, "hi"], {
        env: { MISTRAL_API_KEY: "wrong-key" },
      });
      assert.equal(result.code, 3);
      assert.equal(result.stdout, "");
      assert.equal(
        result.stderr,
        "mistral-stream: API error 401 (Unauthorized): Unauthorized (request id req-401)\n",
      );
      assert.equal(server.requests[0]?.headers.authorization, "Bearer wrong-key");
    } finally {
      await server.close();
    }
  });

  test("HTTP 429 exits 3 once the retries are spent", async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "1" });
      res.end(
        JSON.stringify({
          object: "error",
          message: "Requests rate limit exceeded",
          type: "rate_limited",
        }),
      );
    });
    try {
      const result = await runCli(["chat", "--server-url", server.url, "hi"]);
      assert.equal(result.code, 3, result.stderr);
      assert.match(
        result.stderr,
        /^mistral-stream: API error 429 \(Too Many Requests\): Requests rate limit exceeded/,
      );
      assert.ok(server.requests.length >= 2, "retried before giving up");
    } finally {
      await server.close();
    }
  });

  test("a refused connection exits 4", async () => {
    const port = await findClosedPort();
    const result = await runCli(["chat", "--server-url", `http://127.0.0.1:${port}`, "hi"]);
    assert.equal(result.code, 4, result.stderr);
    assert.match(
      result.stderr,
      /^mistral-stream: Connection to http:\/\/127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/,
    );
    assert.equal(result.stderr.trim().split("\n").length, 1);
  });

  test("a stream cut before [DONE] exits 4 after printing the partial answer", async () => {
    const server = await startTestServer((_req, res) =>
      sendStream(res, { pieces: ["Half ", "an "], cut: true }),
    );
    try {
      const result = await runCli(["chat", "--server-url", server.url, "hi"]);
      assert.equal(result.code, 4, result.stderr);
      assert.equal(result.stdout, "Half an \n");
      assert.match(result.stderr, /^mistral-stream: .*incomplete|broke/i);
    } finally {
      await server.close();
    }
  });

  test("an answer cut by --max-tokens ends with a note on stderr, and exit 0", async () => {
    const server = await startTestServer((_req, res) =>
      sendStream(res, { pieces: ["Once ", "upon"], finishReason: "length" }),
    );
    try {
      const result = await runCli(["chat", "--server-url", server.url, "--max-tokens", "2", "hi"]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, "Once upon\n");
      assert.equal(
        result.stderr,
        "mistral-stream: the answer was cut short by --max-tokens 2 (finish_reason: length)\n",
      );
    } finally {
      await server.close();
    }
  });

  test("SIGINT during the answer stops it, keeps what arrived and exits 130", async () => {
    const pieces = Array.from({ length: 200 }, (_, i) => `w${i} `);
    const server = await startTestServer((_req, res) => sendStream(res, { pieces, gapMs: 20 }));
    try {
      let seen = "";
      const result = await runCli(["chat", "--server-url", server.url, "hi"], {
        onSpawn(child) {
          child.stdout?.on("data", (t: Buffer | string) => (seen += String(t)));
          waitUntil(() => seen.includes("w3 "), 10_000, "the first words").then(
            () => child.kill("SIGINT"),
            () => child.kill("SIGKILL"),
          );
        },
      });
      assert.equal(result.code, 130, result.stderr);
      assert.equal(result.stderr, "mistral-stream: interrupted\n");
      assert.match(result.stdout, /^w0 w1 w2 w3 /);
      assert.ok(!result.stdout.includes("w199"), "stopped before the end");
      await server.waitForNoSockets(2000);
    } finally {
      await server.close();
    }
  });
});

/** A loopback port nobody listens on. */
async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
