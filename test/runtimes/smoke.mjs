// Runs under Node 24, Bun and Deno (see runtimes.test.ts): streams from the
// emulator through the built package and prints one JSON line of findings.
// Arguments: <file URL of dist/core/index.js> <emulator URL>
const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const [distURL, serverURL] = args;
const { Mistral, IncompleteStreamError, RequestAbortedError } = await import(distURL);
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

console.log(JSON.stringify(findings));
