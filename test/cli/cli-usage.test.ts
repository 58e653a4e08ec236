import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "../helpers/paths.js";
import { runCli } from "./cli-harness.js";

describe("mistral-stream command line", { timeout: 60_000 }, () => {
  test("--help at the top level lists the commands and exit codes and exits 0", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const result = await runCli([flag]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /mistral-stream chat/);
      assert.match(result.stdout, /mistral-stream emulator/);
      assert.match(result.stdout, /130\s+interrupted/);
      assert.equal(result.stderr, "");
    }
  });

  test("each subcommand has its own --help and -h", async () => {
    for (const args of [
      ["chat", "--help"],
      ["chat", "-h"],
      ["help", "chat"],
    ]) {
      const result = await runCli(args);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Usage: mistral-stream chat/);
      assert.match(result.stdout, /--max-tokens/);
    }
    const emulator = await runCli(["emulator", "-h"]);
    assert.equal(emulator.code, 0);
    assert.match(emulator.stdout, /Usage: mistral-stream emulator/);
    assert.match(emulator.stdout, /--port/);
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      version: string;
    };
    const result = await runCli(["--version"]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  test("an unknown option is a usage error (exit 2) with a one-line hint to the help", async () => {
    const result = await runCli(["chat", "--frobnicate", "hi"]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      'mistral-stream: unknown option --frobnicate (see "mistral-stream chat --help")\n',
    );
  });

  test("an unknown command, a missing command and a misplaced option are usage errors", async () => {
    const unknown = await runCli(["chatter"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "chatter".*"mistral-stream --help"/);
    const missing = await runCli([]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no command given/);
    const misplaced = await runCli(["--model", "x", "chat"]);
    assert.equal(misplaced.code, 2);
    assert.match(misplaced.stderr, /unknown option --model/);
  });

  test("bad option values are usage errors naming the option", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["chat", "--temperature", "hot", "hi"], /--temperature must be a number/],
      [["chat", "--max-tokens", "1.5", "hi"], /--max-tokens must be an integer/],
      [["chat", "--max-tokens"], /option --max-tokens needs a value/],
      [["chat", "--json=yes", "hi"], /option --json takes no value/],
      [["chat", "--server-url", "ftp://x", "hi"], /--server-url must be an http/],
      [["emulator", "--port", "70000"], /--port must be an integer between 0 and 65535/],
      [["emulator", "extra"], /unexpected argument "extra"/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split("\n").length, 1, "one line");
    }
  });

  test("an empty piped stdin without a prompt argument is a usage error", async () => {
    const result = await runCli(["chat"], { input: "  \n" });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no prompt/);
  });

  test("a bad MISTRAL_SERVER_URL is a usage error naming the variable", async () => {
    const result = await runCli(["chat", "hi"], { env: { MISTRAL_SERVER_URL: "not a url" } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /MISTRAL_SERVER_URL is not a valid URL/);
  });
});
