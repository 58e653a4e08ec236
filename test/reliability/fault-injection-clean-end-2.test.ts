// Fault injection, clean ends: the other half of the recordings (see fault-injection-clean-end.test.ts).
import { describeCuts } from "./fault-cuts.js";

describeCuts("a recorded stream cut short by a clean end of body", ["end", "close"], 1);
