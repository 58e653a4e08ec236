import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { cleanEnv, cliPath, waitUntil } from "./cli-harness.js";
import { sendStream } from "./sse-script.js";

// `script` (util-linux) runs the CLI on a pseudo-terminal, so stdin and stdout are TTYs.
const scriptMissing =
  spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0
    ? false
    : "util-linux `script` is not installed: the interactive mode needs a pseudo-terminal to be tested";

/** The CLI running on a pseudo-terminal; keys are typed into `script`'s stdin. */
class TerminalSession {
  readonly child: ChildProcess;
  output = "";
  readonly exited: Promise<number | null>;

  constructor(serverURL: string) {
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = `${quote(process.execPath)} ${quote(cliPath)} chat --server-url ${serverURL}`;
    this.child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: cleanEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout?.setEncoding("utf8").on("data", (t: string) => (this.output += t));
    this.child.stderr?.setEncoding("utf8").on("data", (t: string) => (this.output += t));
    this.exited = new Promise((resolve) => this.child.on("close", (code) => resolve(code)));
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 30_000);
    void this.exited.then(() => clearTimeout(timer));
  }

  /** Waits until `text` appears (counting from `from` in the output); returns where it ends. */
  async expect(text: string, from = 0, ms = 10_000): Promise<number> {
    await waitUntil(
      () => this.output.indexOf(text, from) >= 0,
      ms,
      `${JSON.stringify(text)} in ${JSON.stringify(this.output)}`,
    );
    return this.output.indexOf(text, from) + text.length;
  }

  /** Counts prompts shown so far. */
  prompts(): number {
    return this.output.split("> ").length - 1;
  }

  type(keys: string): void {
    this.child.stdin?.write(keys);
  }

  end(): void {
    this.child.stdin?.end();
  }
}

describe("mistral-stream chat on a terminal", { skip: scriptMissing, timeout: 90_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer((_req, res, body) => {
      const { messages } = JSON.parse(body) as {
        messages: Array<{ role: string; content: string }>;
      };
      const turn = messages.filter((m) => m.role === "user").length;
      const last = messages.at(-1)?.content ?? "";
      // "slow" questions get a long paced answer, to be interrupted.
      const pieces = last.includes("slow")
        ? Array.from({ length: 300 }, (_, i) => `s${i} `)
        : [`Answer `, `number `, `${turn}.`];
      return sendStream(res, { pieces, gapMs: last.includes("slow") ? 20 : 0 });
    });
  });
  after(() => server.close());
  const bodies = () =>
    server.requests.map(
      (r) => JSON.parse(r.body) as { messages: Array<{ role: string; content: string }> },
    );

  test("keeps the conversation's history across turns and leaves with /exit (exit 0)", async () => {
    const session = new TerminalSession(server.url);
    const before = server.requests.length;
    try {
      await session.expect("> ");
      session.type("first question\r");
      let at = await session.expect("Answer number 1.");
      await waitUntil(() => session.prompts() >= 2, 5000, "the second prompt");
      session.type("second question\r");
      at = await session.expect("Answer number 2.", at);
      session.type("/exit\r");
      assert.equal(await session.exited, 0, session.output);
    } finally {
      session.end();
    }
    const last = bodies().at(-1);
    assert.equal(server.requests.length - before, 2);
    assert.deepEqual(last?.messages, [
      { role: "user", content: "first question" },
      { role: "assistant", content: "Answer number 1." },
      { role: "user", content: "second question" },
    ]);
  });

  test("Ctrl-C stops the answer and keeps the partial answer; Ctrl-C twice at the prompt exits 130", async () => {
    const session = new TerminalSession(server.url);
    try {
      await session.expect("> ");
      session.type("a slow one\r");
      await session.expect("s5 ");
      session.type("\x03");
      const at = await session.expect("[stopped]");
      await server.waitForNoSockets(3000);
      await waitUntil(() => session.prompts() >= 2, 5000, "the prompt after the stopped answer");
      session.type("and then?\r");
      await session.expect("Answer number 2.", at);
      await waitUntil(() => session.prompts() >= 3, 5000, "the third prompt");
      session.type("\x03");
      await session.expect("press Ctrl-C again");
      session.type("\x03");
      assert.equal(await session.exited, 130, session.output);
    } finally {
      session.end();
    }
    const messages = bodies().at(-1)?.messages ?? [];
    assert.equal(messages.length, 3);
    assert.equal(messages[1]?.role, "assistant");
    assert.match(messages[1]?.content ?? "", /^s0 s1 s2 s3 s4 s5 /, "the partial answer is kept");
    assert.ok(!(messages[1]?.content ?? "").includes("s299"), "it was cut");
  });

  test("Ctrl-D at the prompt leaves with exit 0", async () => {
    const session = new TerminalSession(server.url);
    try {
      await session.expect("> ");
      session.type("\x04");
      assert.equal(await session.exited, 0, session.output);
    } finally {
      session.end();
    }
  });
});
