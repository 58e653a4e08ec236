// Fault injection, resets: every recorded stream cut at many offsets by a server
// that destroys the connection mid-body (the chunked framing never completes).
// Half of the recordings; fault-injection-reset-2.test.ts has the other half.
import { describeCuts } from "./fault-cuts.js";

describeCuts("a recorded stream cut short by a connection reset", ["reset"], 0);
