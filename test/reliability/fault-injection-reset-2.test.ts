// Fault injection, resets: the other half of the recordings (see fault-injection-reset.test.ts).
import { describeCuts } from "./fault-cuts.js";

describeCuts("a recorded stream cut short by a connection reset", ["reset"], 1);
