// The body the benchmark server sends for model "bench-N-S": N chat chunks
// of S content bytes, usage on the last, then `data: [DONE]`. Shared by the
// server and the in-process measurements, so both read the same bytes.
const cache = new Map();
/** The SSE body of `n` chunks of `size` content bytes (cached). */
export function body(n, size) {
  const key = `${n}-${size}`;
  if (cache.has(key)) return cache.get(key);
  const text = "abcdefghijklmnopqrstuvwxyz".repeat(Math.ceil(size / 26)).slice(0, size);
  let out = "";
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const chunk = {
      id: "0123456789abcdef0123456789abcdef",
      object: "chat.completion.chunk",
      created: 1700000000,
      model: `bench-${n}-${size}`,
      choices: [
        {
          index: 0,
          delta: i === 0 ? { role: "assistant", content: text } : { content: text },
          finish_reason: last ? "stop" : null,
        },
      ],
      ...(last ? { usage: { prompt_tokens: 5, completion_tokens: n, total_tokens: n + 5 } } : {}),
    };
    out += `data: ${JSON.stringify(chunk)}\n\n`;
  }
  const bytes = Buffer.from(`${out}data: [DONE]\n\n`);
  cache.set(key, bytes);
  return bytes;
}
