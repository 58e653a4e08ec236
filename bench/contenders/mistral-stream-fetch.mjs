// mistral-stream on its fetch transport (what Bun, Deno, browsers and edge
// workers run; on Node, `transport: "fetch"`).
import { Mistral } from "mistral-stream";

export const name = "mistral-stream (fetch)";
export function setup(url) {
  const client = new Mistral({ apiKey: "bench", serverURL: url, transport: "fetch" });
  return async (model) => {
    let text = "";
    let chunks = 0;
    for await (const event of await client.chat.stream({
      model,
      messages: [{ role: "user", content: "hi" }],
    })) {
      text += event.data.choices[0]?.delta.content ?? "";
      chunks++;
    }
    return { chunks, text };
  };
}
