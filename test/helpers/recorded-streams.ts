// Every recorded Mistral stream as an SSE body: the .sse recordings as they
// are, and the vercel-ai chunk lists re-framed as that project's tests do
// (`data: <line>\n\n` per line, then `data: [DONE]\n\n`).
import { readdirSync, readFileSync } from "node:fs";
import { fixturePath } from "./paths.js";

/** File name → SSE body, for every stream under test/fixtures/mistral/{sse,jsonl}. */
export function recordedStreams(): Map<string, string> {
  const sseDir = fixturePath("mistral", "sse");
  const jsonlDir = fixturePath("mistral", "jsonl");
  return new Map<string, string>([
    ...readdirSync(sseDir)
      .filter((f) => f.endsWith(".sse"))
      .map((f): [string, string] => [f, readFileSync(`${sseDir}/${f}`, "utf8")]),
    ...readdirSync(jsonlDir).map((f): [string, string] => [
      f,
      `${readFileSync(`${jsonlDir}/${f}`, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => `data: ${line}\n\n`)
        .join("")}data: [DONE]\n\n`,
    ]),
  ]);
}
