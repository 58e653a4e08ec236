/**
 * Fault injection: the spec language shared by the `x-emulator-fault` header
 * and `EmulatorOptions.faults`, and the book that counts how many requests a
 * fault still applies to.
 *
 * Grammar: faults are separated by `,`; a fault is `;`-separated `key=value`
 * pairs (or bare flags), exactly one of which names its kind:
 *
 * | kind key                  | extra keys                            |
 * |---------------------------|---------------------------------------|
 * | `status=CODE`             | `retry-after=S\|none`, `message=TEXT` |
 * | `delay-ms=N`              |                                       |
 * | `stall-ms=N`              | `after-events=K`, `keepalive-ms=M`    |
 * | `drop-after-events=K`     |                                       |
 * | `drop-after-bytes=B`      |                                       |
 * | `malformed-after-events=K`|                                       |
 * | `finish=REASON`           | `after-events=K`                      |
 * | `no-done`                 | `after-events=K`                      |
 * | `error-event`             | `after-events=K`, `message=TEXT`      |
 *
 * Every fault also takes `count=N` (how many matching requests it affects;
 * default: all) and `id=NAME` (a label that gives a header fault its own
 * counter). `message` is percent-decoded.
 *
 * @module
 */

/** The kinds of fault. */
export type FaultKind =
  | "status"
  | "delay"
  | "stall"
  | "drop-after-events"
  | "drop-after-bytes"
  | "malformed"
  | "finish"
  | "no-done"
  | "error-event";

/** A parsed fault. */
export interface Fault {
  kind: FaultKind;
  /** Requests affected; `undefined` means every one. */
  count?: number;
  status?: number;
  /** `Retry-After` value; `null` to send none. */
  retryAfter?: string | null;
  message?: string;
  /** Duration of a `delay` or `stall`. */
  ms?: number;
  keepAliveMs?: number;
  afterEvents?: number;
  bytes?: number;
  finishReason?: string;
  id?: string;
}

/** A fault as written in options: spec text (`"status=429;count=2"`) or already parsed. */
export type FaultSpec = string | Fault;

/** Thrown for a fault spec that cannot be read. */
export class FaultSpecError extends Error {
  override name = "FaultSpecError";
}

const kindKeys: Record<string, FaultKind> = {
  status: "status",
  "delay-ms": "delay",
  "stall-ms": "stall",
  "drop-after-events": "drop-after-events",
  "drop-after-bytes": "drop-after-bytes",
  "malformed-after-events": "malformed",
  finish: "finish",
  "no-done": "no-done",
  "error-event": "error-event",
};

const finishReasons = ["stop", "length", "model_length", "error", "tool_calls"];

/** The optional keys and the kinds they apply to (`count` and `id` apply to all). */
const modifierKinds: Record<string, FaultKind[]> = {
  "retry-after": ["status"],
  message: ["status", "error-event"],
  "after-events": ["stall", "finish", "no-done", "error-event"],
  "keepalive-ms": ["stall"],
};

/** Parses spec text (one or more comma-separated faults). */
export function parseFaultSpec(spec: string): Fault[] {
  return spec
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseOne);
}

function parseOne(text: string): Fault {
  let fault: Fault | undefined;
  const extras: [string, string][] = [];
  for (const pair of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf("=");
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : pair.slice(eq + 1).trim();
    const kind = kindKeys[key];
    if (kind === undefined) {
      extras.push([key, value]);
      continue;
    }
    if (fault)
      throw new FaultSpecError(`fault "${text}" names two kinds: ${fault.kind} and ${kind}`);
    fault = { kind };
    applyKindValue(fault, key, value);
  }
  const unknown = extras.find(([key]) => !modifierKinds[key] && key !== "count" && key !== "id");
  if (unknown) throw new FaultSpecError(`unknown key "${unknown[0]}" in fault "${text}"`);
  if (!fault)
    throw new FaultSpecError(
      `fault "${text}" names no kind (status=, stall-ms=, drop-after-events=, ...)`,
    );
  for (const [key, value] of extras) applyModifier(fault, key, value, text);
  return fault;
}

function applyKindValue(fault: Fault, key: string, value: string): void {
  switch (fault.kind) {
    case "status":
      fault.status = readInt(key, value, 100, 599);
      return;
    case "delay":
    case "stall":
      fault.ms = readInt(key, value, 0);
      return;
    case "drop-after-events":
    case "malformed":
      fault.afterEvents = readInt(key, value, 0);
      return;
    case "drop-after-bytes":
      fault.bytes = readInt(key, value, 0);
      return;
    case "finish":
      if (!finishReasons.includes(value))
        throw new FaultSpecError(`finish must be one of ${finishReasons.join(", ")}`);
      fault.finishReason = value;
      return;
    default:
      if (value !== "") throw new FaultSpecError(`${key} takes no value`);
  }
}

function applyModifier(fault: Fault, key: string, value: string, text: string): void {
  const allowed = modifierKinds;
  if (key === "count") fault.count = readInt(key, value, 0);
  else if (key === "id") fault.id = value;
  else if (!allowed[key]) throw new FaultSpecError(`unknown key "${key}" in fault "${text}"`);
  else if (!allowed[key].includes(fault.kind))
    throw new FaultSpecError(`"${key}" does not apply to ${fault.kind}`);
  else if (key === "retry-after") fault.retryAfter = value === "none" ? null : value;
  else if (key === "message") fault.message = decodeURIComponent(value);
  else if (key === "after-events") fault.afterEvents = readInt(key, value, 0);
  else fault.keepAliveMs = readInt(key, value, 1);
}

function readInt(key: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new FaultSpecError(
      `${key} needs a whole number between ${min} and ${max}, got "${value}"`,
    );
  return n;
}

/** Writes a fault back as spec text (for the `x-emulator-fault` response header and logs). */
export function formatFault(f: Fault): string {
  const head: Record<FaultKind, string> = {
    status: `status=${f.status}`,
    delay: `delay-ms=${f.ms}`,
    stall: `stall-ms=${f.ms}`,
    "drop-after-events": `drop-after-events=${f.afterEvents}`,
    "drop-after-bytes": `drop-after-bytes=${f.bytes}`,
    malformed: `malformed-after-events=${f.afterEvents}`,
    finish: `finish=${f.finishReason}`,
    "no-done": "no-done",
    "error-event": "error-event",
  };
  const parts = [head[f.kind]];
  const hasAfter = !["drop-after-events", "malformed"].includes(f.kind);
  if (hasAfter && f.afterEvents !== undefined) parts.push(`after-events=${f.afterEvents}`);
  if (f.keepAliveMs !== undefined) parts.push(`keepalive-ms=${f.keepAliveMs}`);
  if (f.retryAfter !== undefined) parts.push(`retry-after=${f.retryAfter ?? "none"}`);
  if (f.message !== undefined) parts.push(`message=${encodeURIComponent(f.message)}`);
  if (f.count !== undefined) parts.push(`count=${f.count}`);
  if (f.id !== undefined) parts.push(`id=${f.id}`);
  return parts.join(";");
}

/** Turns option specs into faults, throwing `FaultSpecError` on bad text. */
export function normalizeFaults(specs: readonly FaultSpec[] = []): Fault[] {
  return specs.flatMap((s) => (typeof s === "string" ? parseFaultSpec(s) : [{ ...s }]));
}
