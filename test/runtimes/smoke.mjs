// Runs under Node 24, Bun and Deno (see runtimes.test.ts): streams from the
// emulator through the built package and prints one JSON line of findings.
// Arguments: <file URL of dist/core/index.js> <emulator URL>
const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const [distURL, serverURL] = args;
const { Mistral, EventStream, IncompleteStreamError, RequestAbortedError } = await import(distURL);
const client = new Mistral({ serverURL, retryConfig: { strategy: "none" } });
const request = (content) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content }],
});
const findings = {};

let text = "";
for await (const event of await client.chat.stream(
  request("Reply with exactly: hello from every runtime"),
)) {
  const content = event.data.choices[0]?.delta.content;
  if (typeof content === "string") text += content;
}
findings.text = text;

try {
  const stream = await client.chat.stream(request("Say something long."), {
    headers: { "x-emulator-fault": "drop-after-events=3" },
  });
  for await (const _ of stream);
  findings.cut = "no error";
} catch (error) {
  findings.cut = error instanceof IncompleteStreamError ? "IncompleteStreamError" : String(error);
}

const stream = await client.chat.stream(request("Say something long."), {
  headers: { "x-emulator-fault": "stall-ms=5000;after-events=2" },
});
setTimeout(() => stream.abort(), 100);
try {
  for await (const _ of stream);
  findings.abort = "no error";
} catch (error) {
  findings.abort = error instanceof RequestAbortedError ? "RequestAbortedError" : String(error);
}

const disposable = await client.chat.stream(request("hi"));
findings.dispose = typeof disposable[Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose")];
await disposable.close();

// The relay example's web-standard handler, unchanged, read back with fromResponse().
const { createRelayHandler } = await import(
  new URL("../../examples/relay/handler.mjs", import.meta.url).href
);
const relay = createRelayHandler({ serverURL });
const relayed = await relay(
  new Request("http://relay.test/api/chat", {
    method: "POST",
    body: JSON.stringify({ messages: [{ role: "user", content: "Reply with exactly: relayed" }] }),
  }),
);
const final = await (await EventStream.fromResponse(relayed)).finalResponse();
findings.relay = final.choices[0]?.message?.content;

// tee() loads its machinery on first read (a dynamic import of a chunk).
const [left, right] = (await client.chat.stream(request("Reply with exactly: two sides"))).tee();
const sides = await Promise.all([left.finalResponse(), right.finalResponse()]);
findings.tee = sides.map((r) => r.choices[0]?.message?.content).join(" | ");

// The app layer is one chunk loaded on first use: structured output with a plain JSON Schema,
// a tool loop, and a stream resumed after a cut.
const parsed = await client.chat.parse({
  ...request("A verdict."),
  responseFormat: {
    type: "object",
    properties: { ok: { type: "boolean" } },
    required: ["ok"],
  },
});
findings.parse = typeof parsed.choices[0]?.message?.parsed?.ok;
const runner = await client.chat.runTools({
  ...request("What is the weather in Paris?"),
  tools: [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Weather of a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
      run: ({ city }) => `sunny in ${city}`,
    },
  ],
});
await runner.finalResponse();
findings.tools = runner.messages.map((m) => m.role).join(",");
const long = request("Tell me about the history of bridges.");
let uncut = "";
for await (const t of (await client.chat.stream(long)).textStream()) uncut += t;
let resumed = "";
const cut = await client.chat.stream(long, {
  headers: { "x-emulator-fault": `drop-after-events=6;count=1;id=resume-${Math.random()}` },
  resume: { maxAttempts: 1 },
});
for await (const t of cut.textStream()) resumed += t;
findings.resume = resumed === uncut && cut.stats.resumes === 1 ? "same text, 1 resume" : resumed;

// Conversations (their calls are another chunk loaded on first use): a stream of named events,
// its final response, and a stream without its done event.
const conversation = await client.beta.conversations.startStream({
  model: "mistral-small-latest",
  inputs: "Reply with exactly: a conversation",
});
const answer = await conversation.finalResponse();
const reply = answer.outputs.at(-1);
const noDone = await client.beta.conversations.startStream(
  { model: "mistral-small-latest", inputs: "hi" },
  { headers: { "x-emulator-fault": "no-done" } },
);
const ended = await noDone.finalResponse().then(
  () => "no error",
  (error) => (error instanceof IncompleteStreamError ? "IncompleteStreamError" : String(error)),
);
findings.conversation = `${reply?.content} (${answer.conversationId.slice(0, 5)}), ${ended}`;

// The other resources (another chunk): embeddings, a multipart upload read back, speech
// streamed and transcribed back to its text.
const vectors = await client.embeddings.create({ model: "mistral-embed", inputs: ["a", "b"] });
const uploaded = await client.files.upload({
  file: { fileName: "r.txt", content: new TextEncoder().encode("uploaded bytes") },
});
const back = await new Response(await client.files.download({ fileId: uploaded.id })).text();
const speech = await client.audio.speech.complete({
  input: "Every runtime speaks.",
  responseFormat: "wav",
  stream: true,
});
const said = await speech.finalResponse();
const heard = await client.audio.transcriptions.complete({
  model: "voxtral-mini-latest",
  file: new Blob([Uint8Array.from(atob(said.audioData), (c) => c.charCodeAt(0))], {
    type: "audio/wav",
  }),
});
findings.resources = `${vectors.data.length}x${vectors.data[0].embedding.length}, ${back}, ${heard.text}`;

console.log(JSON.stringify(findings));
