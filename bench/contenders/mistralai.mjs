// The official client, `chat.stream()`.
import { Mistral } from "@mistralai/mistralai";

export const name = "@mistralai/mistralai";
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
