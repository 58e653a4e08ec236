/**
 * `mistral-stream emulator`: serves the local API emulator until SIGINT or
 * SIGTERM, then closes it cleanly. Being stopped by a signal is its normal
 * end, so it exits 0.
 *
 * @module
 */

import type { EmulatorOptions } from "../emulator/index.js";
import type { EmulatorArgs } from "./args.js";
import type { CliIO } from "./chat-command.js";
import { ExitCode, type ExitCodeValue, UsageError } from "./exit-codes.js";

/** Listen failures worth a plain message rather than a stack. */
const listenErrors: Record<string, string> = {
  EADDRINUSE: "the port is already in use",
  EACCES: "permission denied (ports below 1024 need privileges)",
  EADDRNOTAVAIL: "the address is not available on this machine",
  ENOTFOUND: "the host name does not resolve",
};

/** Runs the emulator; resolves with the exit code once it has been stopped and closed. */
export async function runEmulatorCommand(args: EmulatorArgs, io: CliIO): Promise<ExitCodeValue> {
  const { startEmulator } = await import("../emulator/index.js");
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(await buildOptions(args, io));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string") {
      // The emulator refuses bad options (a remote host without --allow-remote …) before listening.
      throw new UsageError(error instanceof Error ? error.message : String(error), "emulator");
    }
    const where = `${args.host ?? "127.0.0.1"}${args.port === undefined ? "" : `:${args.port}`}`;
    io.stderr.write(`mistral-stream: cannot listen on ${where}: ${listenErrors[code] ?? code}\n`);
    return ExitCode.network;
  }
  io.stdout.write(`${emulator.url}\n`);
  io.stderr.write(`mistral-stream: emulator listening on ${emulator.url} (Ctrl-C to stop)\n`);
  const signal = await waitForStopSignal();
  io.stderr.write(`mistral-stream: ${signal} received, closing the emulator\n`);
  // A second signal while closing means "now".
  const force = (): never => process.exit(ExitCode.interrupted);
  process.once("SIGINT", force);
  process.once("SIGTERM", force);
  try {
    await emulator.close();
  } finally {
    process.off("SIGINT", force);
    process.off("SIGTERM", force);
  }
  return ExitCode.ok;
}

/** Turns the command line into emulator options; a bad fault spec is a usage error. */
async function buildOptions(args: EmulatorArgs, io: CliIO): Promise<EmulatorOptions> {
  const { FaultSpecError, parseFaultSpec } = await import("../emulator/index.js");
  for (const spec of args.faults) {
    try {
      parseFaultSpec(spec);
    } catch (error) {
      if (!(error instanceof FaultSpecError)) throw error;
      throw new UsageError(`bad --fault "${spec}": ${error.message}`, "emulator");
    }
  }
  const options: EmulatorOptions = { allowRemote: args.allowRemote };
  if (args.port !== undefined) options.port = args.port;
  if (args.host !== undefined) options.host = args.host;
  if (args.apiKey !== undefined) options.apiKey = args.apiKey;
  if (args.tokensPerSecond !== undefined) options.tokensPerSecond = args.tokensPerSecond;
  if (args.timeToFirstTokenMs !== undefined) options.timeToFirstTokenMs = args.timeToFirstTokenMs;
  if (args.faults.length > 0) options.faults = [...args.faults];
  if (!args.quiet) options.log = (line) => io.stderr.write(`${line}\n`);
  return options;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
