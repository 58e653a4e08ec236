// Reads the relayed stream: the server's /api/chat returns SSE made by
// stream.toResponse(); EventStream.fromResponse() turns it back into events,
// and a relayed failure into the same typed error the server saw.
import { EventStream, RequestAbortedError } from "/sdk/index.js";

const $ = (id) => document.getElementById(id);
let controller;

function setState(state, text) {
  $("status").dataset.state = state;
  $("status").textContent = text;
  $("send").disabled = state === "streaming";
  $("stop").disabled = state !== "streaming";
}

$("stop").addEventListener("click", () => controller?.abort());
$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  controller = new AbortController();
  $("output").textContent = "";
  setState("streaming", "streaming…");
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: $("prompt").value }] }),
      signal: controller.signal,
    });
    const stream = await EventStream.fromResponse(response, { signal: controller.signal });
    for await (const text of stream.textStream()) $("output").append(text);
    const { events, timeToFirstTokenMs } = stream.stats;
    setState(
      "done",
      `done: ${events} events, first token after ${Math.round(timeToFirstTokenMs ?? 0)} ms`,
    );
  } catch (error) {
    if (error instanceof RequestAbortedError) setState("stopped", "stopped");
    else setState("error", `${error.name}: ${error.message}`);
    $("status").dataset.error = error.name;
  }
});
