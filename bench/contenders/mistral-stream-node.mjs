// mistral-stream on Node as an app gets it: the package's main entry, which
// Node resolves to the Node build (node:http transport).
import { Mistral } from "mistral-stream";

export const name = "mistral-stream (node)";
export function setup(url) {
  const client = new Mistral({ apiKey: "bench", serverURL: url });
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
