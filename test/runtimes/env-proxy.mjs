// Runs under Node 24 (see runtimes.test.ts): streams one answer through the
// Node build's own transport and prints one JSON line of what it got.
// Arguments: <file URL of dist/node/main.js> <emulator URL>
const [entryURL, serverURL] = process.argv.slice(2);
const { Mistral } = await import(entryURL);
const client = new Mistral({ serverURL, retryConfig: { strategy: "none" } });
let text = "";
for await (const event of await client.chat.stream({
  model: "mistral-small-latest",
  messages: [{ role: "user", content: "Reply with exactly: through the proxy" }],
})) {
  const content = event.data.choices[0]?.delta.content;
  if (typeof content === "string") text += content;
}
console.log(JSON.stringify({ text }));
