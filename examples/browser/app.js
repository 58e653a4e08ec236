// Streams an answer into the page with the built SDK. Send starts a stream;
// Stop aborts it through an AbortController (the fetch is cancelled, so the
// server sees the connection close).
import { Mistral, RequestAbortedError } from "mistral-stream";

const $ = (id) => document.getElementById(id);
const form = $("form");
const prompt = $("prompt");
const send = $("send");
const stop = $("stop");
const status = $("status");
const thinking = $("thinking");
const output = $("output");

// The example server relays /v1 to the emulator on this same origin; `?server=URL`
// points the page at another server (which must then allow this origin by CORS).
const params = new URLSearchParams(location.search);
const client = new Mistral({ serverURL: params.get("server") ?? location.origin });
const model = params.get("model") ?? "mistral-small-latest";

/** @type {AbortController | undefined} */
let controller;

function setState(state, text) {
  status.dataset.state = state;
  status.textContent = text;
  send.disabled = state === "streaming";
  stop.disabled = state !== "streaming";
}

/** Appends one delta's content: a string, or (reasoning models) thinking and text chunks. */
function show(content) {
  if (typeof content === "string") return output.append(content);
  for (const part of content ?? []) {
    if (part.type === "text") output.append(part.text);
    else if (part.type === "thinking") {
      for (const piece of part.thinking) if (piece.type === "text") thinking.append(piece.text);
    }
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  controller = new AbortController();
  output.textContent = "";
  thinking.textContent = "";
  setState("streaming", "Streaming…");
  try {
    const stream = await client.chat.stream(
      { model, messages: [{ role: "user", content: prompt.value }] },
      { signal: controller.signal },
    );
    for await (const event of stream) show(event.data.choices[0]?.delta.content);
    setState("done", "Done.");
  } catch (error) {
    if (error instanceof RequestAbortedError)
      setState("aborted", "Stopped: the stream was aborted.");
    else setState("error", `Error: ${error.message}`);
  } finally {
    controller = undefined;
  }
});

stop.addEventListener("click", () => controller?.abort());
