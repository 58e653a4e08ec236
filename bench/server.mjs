// A loopback chat-completions server for benchmarks: `POST /v1/chat/completions`
// with `stream: true` answers N chunks of S content bytes (model "bench-N-S"),
// usage on the last, then `data: [DONE]`, written in 64 KiB slices.
// A model "bench-N-S-pG" paces the stream instead: one event per write, G ms
// apart, so a client sees about one event per socket read, as from a model.
// Usage: node bench/server.mjs  → prints "LISTENING http://127.0.0.1:PORT"
import { createServer } from "node:http";
import { body } from "./body.mjs";

/** Writes one event per write, `gapMs` apart. */
async function paced(res, bytes, gapMs) {
  const text = bytes.toString("latin1");
  let start = 0;
  for (let end = text.indexOf("\n\n"); end !== -1; end = text.indexOf("\n\n", start)) {
    if (res.destroyed) return;
    res.write(bytes.subarray(start, end + 2));
    start = end + 2;
    await new Promise((r) => setTimeout(r, gapMs));
  }
  res.end();
}

const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", async () => {
    const [, n = "100", size = "4", gap] =
      /bench-(\d+)(?:-(\d+))?(?:-p(\d+))?/.exec(JSON.parse(raw).model) ?? [];
    const bytes = body(Number(n), Number(size));
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
    if (gap !== undefined) return paced(res, bytes, Number(gap));
    for (let i = 0; i < bytes.length; i += 65536) {
      if (!res.write(bytes.subarray(i, i + 65536))) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  });
});
server.listen(0, "127.0.0.1", () =>
  console.log(`LISTENING http://127.0.0.1:${server.address().port}`),
);
