/**
 * The monotonic clock of stream stats, in milliseconds. On Node, reading the
 * global `performance` makes it, loading perf_hooks (~1.5 ms of a cold start),
 * while `process.hrtime` is already there; elsewhere `performance.now()`, and
 * `Date.now()` where neither exists. Chosen at the first reading, not at
 * import, and only a `process.hrtime` that works is taken: some runtimes
 * define one that throws (a partial Node compatibility layer).
 *
 * @module
 */

type HrTime = () => [number, number];

/** `process`, if the runtime has one. */
const proc = (globalThis as { process?: { hrtime?: HrTime } }).process;

function fromHrtime(): number {
  const [seconds, nanos] = (proc?.hrtime as HrTime)();
  return seconds * 1e3 + nanos / 1e6;
}

function pick(): () => number {
  if (typeof proc?.hrtime === "function") {
    try {
      const reading = proc.hrtime();
      if (Array.isArray(reading) && typeof reading[0] === "number") return fromHrtime;
    } catch {
      // A stub that throws: use the web clock below.
    }
  }
  if (typeof performance === "object" && typeof performance.now === "function") {
    return () => performance.now();
  }
  return Date.now;
}

let clock: (() => number) | undefined;

/** The current time on the clock stream stats use. */
export function statsClock(): number {
  clock ??= pick();
  return clock();
}
