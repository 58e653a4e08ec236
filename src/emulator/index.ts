/**
 * A local, deterministic, fault-injecting emulator of the Mistral API
 * (`mistral-stream/emulator`, Node only). See `docs/emulator.md`.
 *
 * @module
 */
export {
  type Fault,
  type FaultKind,
  type FaultSpec,
  FaultSpecError,
  formatFault,
  parseFaultSpec,
} from "./faults/spec.js";
export { startEmulator } from "./http/server.js";
export type { EmulatorOptions, RunningEmulator } from "./options.js";
