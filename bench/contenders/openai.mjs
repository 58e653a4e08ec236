// openai-node's chat completions stream, pointed at the same server.
import OpenAI from "openai";
import { chatRequest, chatText } from "./chat-text.mjs";

export const name = "openai";
export function setup(url) {
  const client = new OpenAI({ apiKey: "bench", baseURL: `${url}/v1` });
  return async (model) =>
    chatText(
      await client.chat.completions.create({ ...chatRequest(model), stream: true }),
      (c) => c,
    );
}
