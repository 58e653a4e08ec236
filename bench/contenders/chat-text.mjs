// What every chat-client contender does with its stream: concatenates the text, counts chunks.
export async function chatText(events, chunkOf) {
  let text = "";
  let chunks = 0;
  for await (const event of events) {
    text += chunkOf(event).choices[0]?.delta.content ?? "";
    chunks++;
  }
  return { chunks, text };
}

/** The request every contender sends. */
export const chatRequest = (model) => ({ model, messages: [{ role: "user", content: "hi" }] });
