#!/usr/bin/env node

/**
 * `mistral-stream`: the command-line entry point. Parses the command line,
 * runs the command, and turns its outcome into an exit code (see
 * `exit-codes.ts`). Errors are reported on stderr in one line.
 *
 * @module
 */

import { version } from "../core/index.js";
import { type Command, parseCommandLine } from "./args.js";
import { type CliIO, runChat } from "./chat-command.js";
import { runEmulatorCommand } from "./emulator-command.js";
import {
  describeError,
  ExitCode,
  type ExitCodeValue,
  exitCodeFor,
  UsageError,
} from "./exit-codes.js";
import { helpText } from "./help.js";

/** Runs the CLI with `argv` (without `node` and the script) and resolves with the exit code. */
async function main(argv: readonly string[], io: CliIO): Promise<ExitCodeValue> {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    return report(error, io);
  }
  try {
    switch (command.kind) {
      case "help":
        io.stdout.write(`${helpText(command.command)}\n`);
        return ExitCode.ok;
      case "version":
        io.stdout.write(`${version}\n`);
        return ExitCode.ok;
      case "chat":
        return await runChat(command, io);
      case "emulator":
        return await runEmulatorCommand(command, io);
    }
  } catch (error) {
    return report(error, io);
  }
}

/** Writes the one-line message of `error` and picks its exit code. */
function report(error: unknown, io: CliIO): ExitCodeValue {
  const code = exitCodeFor(error);
  if (error instanceof UsageError) {
    const help = error.command ? `mistral-stream ${error.command} --help` : "mistral-stream --help";
    io.stderr.write(`mistral-stream: ${error.message} (see "${help}")\n`);
  } else if (code === ExitCode.interrupted) {
    io.stderr.write("mistral-stream: interrupted\n");
  } else {
    io.stderr.write(`mistral-stream: ${describeError(error)}\n`);
  }
  return code;
}

/** A reader closing the pipe (`mistral-stream chat … | head`) is not an error: stop quietly. */
function exitOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(ExitCode.ok);
  throw error;
}

process.stdout.on("error", exitOnBrokenPipe);
const io: CliIO = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};
const code = await main(process.argv.slice(2), io);
process.exitCode = code;
// Everything is closed by now; should a stray handle keep the loop alive, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
