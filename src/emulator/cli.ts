/**
 * The `mistral-stream emulator` command: parses flags, starts the emulator,
 * prints its URL and runs until SIGINT/SIGTERM (or the given signal).
 *
 * @module
 */
import { FaultSpecError, parseFaultSpec } from "./faults.js";
import type { EmulatorOptions } from "./options.js";
import { startEmulator } from "./server.js";

/** Where the command writes, and what stops it (defaults: the process's streams and signals). */
export interface EmulatorCliIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Stops the emulator when aborted, instead of waiting for SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

const usage = `Usage: mistral-stream emulator [options]

Runs a local, deterministic Mistral API emulator.

Options:
  --port N                  port to listen on (default: 0 = a free port)
  --host H                  interface (default: 127.0.0.1; others need --allow-remote)
  --allow-remote            allow a non-loopback --host
  --api-key KEY             require "Authorization: Bearer KEY"
  --tokens-per-second N     streaming pace (default 60; 0 = as fast as possible)
  --ttft-ms N               time to first token (default 250)
  --fault SPEC              a fault for every request, e.g. "status=429;count=2" (repeatable)
  --quiet                   do not log requests
  -h, --help                show this help
`;

/** Runs the command; resolves with the process exit code. */
export async function runEmulatorCli(
  argv: readonly string[],
  io: EmulatorCliIo = {},
): Promise<number> {
  const out = io.stdout ?? ((t: string) => process.stdout.write(t));
  const err = io.stderr ?? ((t: string) => process.stderr.write(t));
  let options: EmulatorOptions & { quiet?: boolean };
  try {
    const parsed = parseArgs(argv);
    if (parsed === "help") {
      out(usage);
      return 0;
    }
    options = parsed;
  } catch (error) {
    err(
      `mistral-stream emulator: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`,
    );
    return 2;
  }
  if (!options.quiet) options.log = (line) => err(`${line}\n`);
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    err(`mistral-stream emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  out(`Mistral API emulator listening on ${emulator.url}\n`);
  await waitForStop(io.signal);
  await emulator.close();
  return 0;
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", stop, { once: true });
    } else {
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    }
  });
}

function parseArgs(argv: readonly string[]): (EmulatorOptions & { quiet?: boolean }) | "help" {
  const options: EmulatorOptions & { quiet?: boolean } = {};
  const faults: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const v = value();
      const n = v.toLowerCase() === "infinity" ? Number.POSITIVE_INFINITY : Number(v);
      if (Number.isNaN(n) || n < 0) throw new Error(`${flag} needs a number >= 0, got "${v}"`);
      return n;
    };
    if (flag === "-h" || flag === "--help") return "help";
    else if (flag === "--port") options.port = number();
    else if (flag === "--host") options.host = value();
    else if (flag === "--allow-remote") options.allowRemote = true;
    else if (flag === "--api-key") options.apiKey = value();
    else if (flag === "--tokens-per-second") options.tokensPerSecond = number();
    else if (flag === "--ttft-ms") options.timeToFirstTokenMs = number();
    else if (flag === "--fault") faults.push(checkFault(value()));
    else if (flag === "--quiet") options.quiet = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (faults.length > 0) options.faults = faults;
  return options;
}

function checkFault(spec: string): string {
  try {
    parseFaultSpec(spec);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new Error(`bad --fault "${spec}": ${error.message}`);
    throw error;
  }
  return spec;
}
