/**
 * Command-line parsing with `node:util`'s strict `parseArgs`: an unknown
 * option, a missing value or a bad number is a {@link UsageError} (exit 2),
 * never a guess.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { UsageError } from "./exit-codes.js";

/** `mistral-stream chat …` */
export interface ChatArgs {
  readonly kind: "chat";
  /** The prompt from the command line (positionals joined by spaces), if any. */
  readonly prompt: string | undefined;
  readonly model: string;
  readonly system: string | undefined;
  readonly temperature: number | undefined;
  readonly maxTokens: number | undefined;
  readonly json: boolean;
  readonly stats: boolean;
  readonly serverURL: string | undefined;
  /** How many times a stream cut mid-answer is resumed (`--resume`); `undefined`: never. */
  readonly resume: number | undefined;
}

/** `mistral-stream emulator …` */
export interface EmulatorArgs {
  readonly kind: "emulator";
  readonly port: number | undefined;
  readonly host: string | undefined;
  readonly allowRemote: boolean;
  readonly apiKey: string | undefined;
  readonly tokensPerSecond: number | undefined;
  readonly timeToFirstTokenMs: number | undefined;
  /** Fault specs, checked when the emulator loads. */
  readonly faults: readonly string[];
  readonly quiet: boolean;
}

/** What the command line asks for. */
export type Command =
  | { readonly kind: "help"; readonly command: string | undefined }
  | { readonly kind: "version" }
  | ChatArgs
  | EmulatorArgs;

/** The model used when `--model` is not given. */
export const defaultModel = "mistral-small-latest";

/** The commands, for help and error messages. */
export const commandNames = ["chat", "emulator"] as const;

/** Parses `argv` (without `node` and the script); throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("no command given");
  if (first === "-h" || first === "--help") return { kind: "help", command: undefined };
  if (first === "help") return parseHelpTopic(rest);
  if (first === "-v" || first === "--version" || first === "version") {
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" after ${first}`);
    return { kind: "version" };
  }
  if (first.startsWith("-"))
    throw new UsageError(`unknown option ${first} (options go after the command)`);
  if (first === "chat") return parseChat(rest);
  if (first === "emulator") return parseEmulator(rest);
  throw new UsageError(`unknown command "${first}" (commands: ${commandNames.join(", ")})`);
}

function parseHelpTopic(rest: readonly string[]): Command {
  const [topic] = rest;
  if (topic === undefined) return { kind: "help", command: undefined };
  if (!(commandNames as readonly string[]).includes(topic)) {
    throw new UsageError(`no help for "${topic}" (commands: ${commandNames.join(", ")})`);
  }
  return { kind: "help", command: topic };
}

const chatOptions = {
  help: { type: "boolean", short: "h" },
  model: { type: "string", short: "m" },
  system: { type: "string", short: "s" },
  temperature: { type: "string", short: "t" },
  "max-tokens": { type: "string" },
  json: { type: "boolean" },
  stats: { type: "boolean" },
  "server-url": { type: "string" },
  resume: { type: "string" },
} as const;

function parseChat(argv: readonly string[]): Command {
  const { values, positionals } = parseStrict(argv, chatOptions, true, "chat");
  if (values.help) return { kind: "help", command: "chat" };
  const model = values.model ?? defaultModel;
  if (model.trim() === "") throw new UsageError("--model must not be empty", "chat");
  return {
    kind: "chat",
    prompt: positionals.length > 0 ? positionals.join(" ") : undefined,
    model,
    system: values.system,
    temperature: readNumber(values.temperature, "--temperature", { min: 0 }, "chat"),
    maxTokens: readNumber(values["max-tokens"], "--max-tokens", { min: 1, integer: true }, "chat"),
    json: values.json ?? false,
    stats: values.stats ?? false,
    resume: readNumber(values.resume, "--resume", { min: 0, integer: true }, "chat"),
    serverURL:
      values["server-url"] === undefined
        ? undefined
        : checkServerURL(values["server-url"], "--server-url"),
  };
}

const emulatorOptions = {
  help: { type: "boolean", short: "h" },
  port: { type: "string", short: "p" },
  host: { type: "string" },
  "allow-remote": { type: "boolean" },
  "api-key": { type: "string" },
  "tokens-per-second": { type: "string" },
  "ttft-ms": { type: "string" },
  fault: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
} as const;

function parseEmulator(argv: readonly string[]): Command {
  const { values } = parseStrict(argv, emulatorOptions, false, "emulator");
  if (values.help) return { kind: "help", command: "emulator" };
  if (values.host !== undefined && values.host.trim() === "") {
    throw new UsageError("--host must not be empty", "emulator");
  }
  return {
    kind: "emulator",
    port: readNumber(values.port, "--port", { min: 0, max: 65535, integer: true }, "emulator"),
    host: values.host,
    allowRemote: values["allow-remote"] ?? false,
    apiKey: values["api-key"],
    tokensPerSecond: readNumber(
      values["tokens-per-second"],
      "--tokens-per-second",
      { min: 0 },
      "emulator",
    ),
    timeToFirstTokenMs: readNumber(values["ttft-ms"], "--ttft-ms", { min: 0 }, "emulator"),
    faults: values.fault ?? [],
    quiet: values.quiet ?? false,
  };
}

type OptionSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string; multiple?: boolean }
>;

/** `parseArgs` in strict mode, its errors turned into short {@link UsageError}s. */
function parseStrict<T extends OptionSpec>(
  argv: readonly string[],
  options: T,
  allowPositionals: boolean,
  command: string,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : String(error);
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument "${quoted}"`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(text)
        ? `option ${quoted.replace(/^-\w, /, "").replace(/ <value>$/, "")} needs a value`
        : `option ${quoted.replace(/^-\w, /, "")} takes no value`;
    default:
      return text;
  }
}

interface NumberRule {
  min: number;
  max?: number;
  integer?: boolean;
}

function readNumber(
  raw: string | undefined,
  name: string,
  rule: NumberRule,
  command: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  const ok =
    Number.isFinite(value) &&
    value >= rule.min &&
    (rule.max === undefined || value <= rule.max) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) {
    const kind = rule.integer ? "an integer" : "a number";
    const range = rule.max === undefined ? `≥ ${rule.min}` : `between ${rule.min} and ${rule.max}`;
    throw new UsageError(`${name} must be ${kind} ${range}, got "${raw}"`, command);
  }
  return value;
}

/** Checks a server URL given on the command line or in `MISTRAL_SERVER_URL`. */
export function checkServerURL(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${name} is not a valid URL: "${raw}"`, "chat");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${name} must be an http:// or https:// URL, got "${raw}"`, "chat");
  }
  return raw;
}
