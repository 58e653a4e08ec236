// Serves a web-standard handler with node:http, as Bun.serve and Deno.serve do:
// the request gets a signal that aborts when the client goes away, and the
// response body is cancelled then, which releases the upstream connection.
import { createServer } from "node:http";

/**
 * Serves `handler` on `port` (0: any free port).
 *
 * @param {(request: Request) => Promise<Response>} handler
 * @param {{ port?: number, hostname?: string }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveNode(handler, options = {}) {
  const server = createServer(async (req, res) => {
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === "string" ? [[k, v]] : [],
      ),
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: controller.signal,
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    res.on("close", () => reader.cancel().catch(() => {}));
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) res.write(r.value);
      res.end();
    } catch {
      res.destroy();
    }
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) =>
    server.listen(options.port ?? 0, options.hostname ?? "127.0.0.1", resolve),
  );
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
