/**
 * The emulator's public options and handle.
 *
 * @module
 */
import type { FaultSpec } from "./faults/spec.js";

/** How to start the emulator. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. Non-loopback hosts need `allowRemote`. */
  host?: string;
  /** Listen on a non-loopback interface (the emulator has no real security; think twice). */
  allowRemote?: boolean;
  /** When set, requests need `Authorization: Bearer <apiKey>`, else 401. */
  apiKey?: string;
  /** Streaming pace in tokens per second; default 60. 0 or Infinity: no pacing. */
  tokensPerSecond?: number;
  /** Wait before the first event (and before a non-stream answer); default 250 ms. */
  timeToFirstTokenMs?: number;
  /** Faults applied to every request, e.g. `"status=429;count=2;retry-after=1"`. */
  faults?: FaultSpec[];
  /** The model that answers `POST /v1/agents/completions`; default `mistral-medium-latest`. */
  agentModel?: string;
  /** Receives one line per request handled (method, path, status, details). */
  log?: (line: string) => void;
}

/** A running emulator. */
export interface RunningEmulator {
  /** The server root, e.g. `http://127.0.0.1:41234` (no `/v1`). */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Stops listening and destroys open connections, including streams in flight. */
  close(): Promise<void>;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  allowRemote: boolean;
  apiKey: string | undefined;
  tokensPerSecond: number;
  timeToFirstTokenMs: number;
  agentModel: string;
  log: ((line: string) => void) | undefined;
}

/** Applies defaults and checks values. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const tokensPerSecond = options.tokensPerSecond ?? 60;
  const timeToFirstTokenMs = options.timeToFirstTokenMs ?? 250;
  if (!(tokensPerSecond >= 0)) throw new RangeError("tokensPerSecond must be >= 0");
  if (!(timeToFirstTokenMs >= 0) || !Number.isFinite(timeToFirstTokenMs)) {
    throw new RangeError("timeToFirstTokenMs must be a finite number >= 0");
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    allowRemote: options.allowRemote ?? false,
    apiKey: options.apiKey,
    tokensPerSecond,
    timeToFirstTokenMs,
    agentModel: options.agentModel ?? "mistral-medium-latest",
    log: options.log,
  };
}

/** Whether a host name or address stays on this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1"
  );
}
