import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The compiled CLI entry inside the test build (this file is at <build>/test/cli/). */
export const cliPath: string = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));

/** A finished CLI run. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** How to run the CLI. */
export interface CliRunOptions {
  /** Extra environment (over a clean base: no MISTRAL_API_KEY, NO_COLOR=1). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (default: closed at once, empty). */
  input?: string;
  /** Kill the child after this long (the test then fails on the result). */
  timeoutMs?: number;
  /** Called with the child once spawned (to send signals). */
  onSpawn?: (child: ChildProcess) => void;
}

/** A controlled environment: no API key or server URL from the caller's shell, no colour. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.MISTRAL_API_KEY;
  delete env.MISTRAL_SERVER_URL;
  delete env.MISTRAL_DEBUG;
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node main.js ...args` and collects its output. */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: cleanEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
  child.stdin.end(options.input ?? "");
  options.onSpawn?.(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Resolves once `read()` satisfies `test`, or rejects after `ms`. */
export async function waitUntil(test: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
