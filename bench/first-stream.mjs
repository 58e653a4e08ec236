// A process's first 20,000-chunk stream against a warm one, without I/O: the
// same 64 KiB slices of the benchmark server's body go through mistral-stream
// (a transport that hands them over), through the bare split + JSON.parse
// loop, and, as the cost of the iteration protocol alone, through `for await`
// over 20,000 ready events. Fresh processes, interleaved, medians.
// Usage: npm run build && node bench/first-stream.mjs [rounds=9]
import { spawnSync } from "node:child_process";
import { body } from "./body.mjs";

const n = 20000;
const which = process.argv[2];

if (!which || /^\d+$/.test(which)) {
  const rounds = Number(which ?? 9);
  const results = { "mistral-stream": [], "split + JSON.parse": [], "for await only": [] };
  for (let r = 0; r < rounds; r++) {
    for (const name of Object.keys(results)) {
      // --expose-gc: the child collects what making the body left behind before
      // it measures, so every contender starts from the same clean heap.
      const child = spawnSync(process.execPath, ["--expose-gc", process.argv[1], name], {
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      results[name].push(JSON.parse(child.stdout));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`| ${n} chunks, in process | first stream CPU ms | fifth stream CPU ms |`);
  console.log("| --- | ---: | ---: |");
  for (const [name, runs] of Object.entries(results)) {
    const first = median(runs.map((x) => x.first)).toFixed(1);
    console.log(`| ${name} | ${first} | ${median(runs.map((x) => x.warm)).toFixed(1)} |`);
  }
  process.exit(0);
}

// The body bench/server.mjs sends for "bench-20000-4", cut as it writes it.
const bytes = body(n, 4);
const slices = [];
for (let i = 0; i < bytes.length; i += 65536) {
  slices.push(new Uint8Array(bytes.subarray(i, i + 65536)));
}
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const runs = {
  "mistral-stream": async () => {
    const { Mistral } = await import("../dist/core/index.js");
    const transport = async () => {
      let i = 0;
      return {
        status: 200,
        // As the Node transport answers: `header()`, and `Headers` only when read
        // (the first `Headers` of a process loads fetch's code, ~20 ms).
        header: (name) => (name === "content-type" ? "text/event-stream" : null),
        get headers() {
          return new Headers({ "content-type": "text/event-stream" });
        },
        body: {
          read: async () =>
            i < slices.length
              ? { done: false, value: slices[i++] }
              : { done: true, value: undefined },
          cancel: async () => {},
        },
      };
    };
    const client = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:1", transport });
    const request = { model: "m", messages: [{ role: "user", content: "hi" }] };
    return async () => {
      let chunks = 0;
      let text = "";
      for await (const event of await client.chat.stream(request)) {
        text += event.data.choices[0]?.delta.content ?? "";
        chunks++;
      }
      return text.length === 4 * n ? chunks : -1;
    };
  },
  "split + JSON.parse": async () => async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    let text = "";
    let chunks = 0;
    for (const slice of slices) {
      await null; // one turn per read, as a socket gives them
      buffer += decoder.decode(slice, { stream: true });
      let start = 0;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
        const data = buffer.slice(start + 6, end);
        start = end + 2;
        if (data === "[DONE]") continue;
        text += JSON.parse(data).choices[0].delta.content ?? "";
        chunks++;
      }
      buffer = buffer.slice(start);
    }
    return text.length === 4 * n ? chunks : -1;
  },
  "for await only": async () => {
    const events = Array.from({ length: n }, () => ({
      data: { choices: [{ delta: { content: "abcd" } }] },
    }));
    return async () => {
      let i = 0;
      const iterator = {
        next: () =>
          Promise.resolve(
            i < n ? { done: false, value: events[i++] } : { done: true, value: undefined },
          ),
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      let text = "";
      let chunks = 0;
      for await (const event of iterator) {
        text += event.data.choices[0]?.delta.content ?? "";
        chunks++;
      }
      return text.length === 4 * n ? chunks : -1;
    };
  },
};

const run = await runs[which]();
globalThis.gc?.();
let t = cpu();
if ((await run()) !== n) throw new Error("wrong chunk count");
const first = cpu() - t;
for (let i = 0; i < 3; i++) await run();
t = cpu();
await run();
console.log(JSON.stringify({ first, warm: cpu() - t }));
