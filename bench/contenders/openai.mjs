// openai-node's chat completions stream, pointed at the same server.
import OpenAI from "openai";

export const name = "openai";
export function setup(url) {
  const client = new OpenAI({ apiKey: "bench", baseURL: `${url}/v1` });
  return async (model) => {
    let text = "";
    let chunks = 0;
    const stream = await client.chat.completions.create({
      model,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    });
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      chunks++;
    }
    return { chunks, text };
  };
}
