/**
 * Counts fault uses. Option faults are counted across the emulator's life;
 * header faults are counted per distinct spec text, so a client that repeats
 * `x-emulator-fault: status=503;count=2` on each retry sees two 503s and then
 * a success (add `id=...` to start a fresh counter).
 *
 * @module
 */
import { type Fault, formatFault, parseFaultSpec } from "./spec.js";

interface Entry {
  fault: Fault;
  used: number;
}

const earlyKinds = new Set(["status", "delay"]);

/** The faults of one request, taken in two steps: before the body is read and once it is known to stream. */
export interface FaultTicket {
  /** `delay` faults and the first `status` fault that still has uses left. */
  takeEarly(): Fault[];
  /** The stream-shaping faults that still have uses left. */
  takeStream(): Fault[];
}

/** The emulator-wide fault counters. */
export class FaultBook {
  readonly #options: Entry[];
  readonly #fromHeaders = new Map<string, Entry>();

  constructor(faults: readonly Fault[]) {
    this.#options = faults.map((fault) => ({ fault, used: 0 }));
  }

  /** Opens the faults for one request; throws `FaultSpecError` when the header cannot be read. */
  open(header: string | undefined): FaultTicket {
    const entries = [
      ...this.#options,
      ...(header ? parseFaultSpec(header).map((f) => this.#entryFor(f)) : []),
    ];
    const take = (wanted: (f: Fault) => boolean, onlyOneStatus: boolean): Fault[] => {
      const out: Fault[] = [];
      for (const entry of entries) {
        const { fault } = entry;
        if (!wanted(fault) || (fault.count !== undefined && entry.used >= fault.count)) continue;
        if (onlyOneStatus && fault.kind === "status" && out.some((f) => f.kind === "status"))
          continue;
        entry.used++;
        out.push(fault);
      }
      return out;
    };
    return {
      takeEarly: () => take((f) => earlyKinds.has(f.kind), true),
      takeStream: () => take((f) => !earlyKinds.has(f.kind), false),
    };
  }

  #entryFor(fault: Fault): Entry {
    const key = formatFault(fault);
    let entry = this.#fromHeaders.get(key);
    if (!entry) {
      // Bounded, so a client inventing a new id per request cannot grow it forever.
      if (this.#fromHeaders.size >= 1000) this.#fromHeaders.clear();
      this.#fromHeaders.set(key, (entry = { fault, used: 0 }));
    }
    return entry;
  }
}
