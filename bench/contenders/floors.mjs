// The hand-written floors: no client, only the work every client must do.
// `fetchSplit`: fetch, decode, split on blank lines, JSON.parse (the practical
// floor on fetch); `fetchBytes`: fetch reading bytes only; `httpBytes`:
// node:http reading bytes only (what reading the socket costs without fetch).
import { Agent, request } from "node:http";

const body = (model) =>
  JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "hi" }] });
const post = (url, model) =>
  fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body(model),
  });

export const fetchSplit = {
  name: "floor: fetch + split + JSON.parse",
  setup: (url) => async (model) => {
    const reader = (await post(url, model)).body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let text = "";
    let chunks = 0;
    let done = false;
    for (;;) {
      const read = await reader.read();
      if (read.done) break;
      buffer += decoder.decode(read.value, { stream: true });
      let start = 0;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
        const data = buffer.slice(start + 6, end);
        start = end + 2;
        if (data === "[DONE]") done = true;
        else {
          text += JSON.parse(data).choices[0].delta.content ?? "";
          chunks++;
        }
      }
      buffer = buffer.slice(start);
    }
    if (!done) throw new Error("no [DONE]");
    return { chunks, text };
  },
};

export const fetchBytes = {
  name: "floor: fetch, bytes only",
  setup: (url) => async (model) => {
    const reader = (await post(url, model)).body.getReader();
    let bytes = 0;
    for (;;) {
      const read = await reader.read();
      if (read.done) break;
      bytes += read.value.byteLength;
    }
    return { bytes };
  },
};

export const httpBytes = {
  name: "floor: node:http, bytes only",
  setup: (url) => {
    const agent = new Agent({ keepAlive: true });
    return (model) =>
      new Promise((resolve, reject) => {
        const req = request(
          `${url}/v1/chat/completions`,
          { method: "POST", agent, headers: { "content-type": "application/json" } },
          (res) => {
            let bytes = 0;
            res.on("data", (chunk) => (bytes += chunk.length));
            res.on("end", () => resolve({ bytes }));
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(body(model));
      });
  },
};
