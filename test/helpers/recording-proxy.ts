/**
 * A pass-through proxy in front of the emulator that records every request
 * body as it arrives (the wire the client sent) and streams the answer back
 * untouched; its server side counts the client's connections.
 */
import { startTestServer, type TestServer } from "./test-server.js";

/** The proxy, and the request bodies it saw (parsed), in order of arrival. */
export interface RecordingProxy extends TestServer {
  readonly bodies: Record<string, unknown>[];
}

/** Starts a proxy to `upstream` (a server root such as the emulator's url). */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const bodies: Record<string, unknown>[] = [];
  const server = await startTestServer(async (req, res, body) => {
    bodies.push(JSON.parse(body || "{}") as Record<string, unknown>);
    const headers: Record<string, string> = { "content-type": "application/json" };
    for (const name of ["accept", "x-emulator-fault", "authorization"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method ?? "POST",
      headers,
      ...(req.method === "GET" ? {} : { body }),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
    const reader = answer.body?.getReader();
    res.on("close", () => void reader?.cancel().catch(() => {}));
    for (;;) {
      const step = await reader?.read().catch(() => undefined);
      if (!step || step.done) break;
      res.write(step.value);
    }
    res.end();
  });
  return Object.assign(server, { bodies });
}
