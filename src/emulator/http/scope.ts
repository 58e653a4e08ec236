/**
 * The state shared by the handlers of one request.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Store } from "../conversations/store.js";
import type { FaultBook, FaultTicket } from "../faults/book.js";
import { type Fault, formatFault } from "../faults/spec.js";
import type { ResolvedOptions } from "../options.js";
import type { BatchStore } from "../services/batch.js";
import type { FileStore } from "../services/files.js";

/** What every request handler shares. */
export interface EmulatorContext {
  options: ResolvedOptions;
  faults: FaultBook;
  /** The agents and conversations made so far. */
  store: Store;
  /** The files uploaded (and made by batch jobs) so far. */
  files: FileStore;
  /** The batch jobs created so far. */
  batches: BatchStore;
}

/** The state of one request as it moves through the pipeline. */
export interface RequestScope {
  ctx: EmulatorContext;
  req: IncomingMessage;
  res: ServerResponse;
  ticket: FaultTicket;
  /** Aborts when the connection closes (client gone or emulator closing). */
  signal: AbortSignal;
  /** Faults applied so far, echoed in the `x-emulator-fault` response header. */
  applied: Fault[];
}

/** Records applied faults and names them in the `x-emulator-fault` response header. */
export function markFaults(scope: RequestScope, faults: readonly Fault[]): void {
  if (faults.length === 0) return;
  scope.applied.push(...faults);
  if (!scope.res.headersSent)
    scope.res.setHeader("x-emulator-fault", scope.applied.map(formatFault).join(", "));
}
