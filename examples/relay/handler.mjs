// A relay as a web-standard handler, `(Request) => Promise<Response>`: the same
// file runs under Node (through node-adapter.mjs), Bun (Bun.serve) and Deno
// (Deno.serve). POST /api/chat streams an answer from Mistral (or any
// Mistral-compatible server) and returns it as SSE with stream.toResponse();
// the page at / reads it back with EventStream.fromResponse(). The API key
// stays on the server. When the browser goes away, the upstream request is
// aborted (the runtime cancels the response body).
import { readFile } from "node:fs/promises";
import { Mistral } from "../../dist/core/index.js";

const here = new URL(".", import.meta.url);
const sdk = new URL("../../dist/core/", import.meta.url);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/**
 * Builds the handler.
 *
 * @param {{ serverURL?: string, apiKey?: string, model?: string }} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createRelayHandler(options = {}) {
  const client = new Mistral({ serverURL: options.serverURL, apiKey: options.apiKey });
  const model = options.model ?? "mistral-small-latest";
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && pathname === "/api/chat") return chat(client, model, request);
    if (request.method !== "GET") return new Response("Method not allowed", { status: 405 });
    if (pathname === "/") return file(new URL("index.html", here));
    if (pathname === "/app.js") return file(new URL("app.js", here));
    // The built SDK, its on-demand chunks included (relative imports stay inside dist/core/).
    if (pathname.startsWith("/sdk/") && !pathname.includes("..")) {
      return file(new URL(pathname.slice("/sdk/".length), sdk));
    }
    return new Response("Not found", { status: 404 });
  };
}

async function chat(client, model, request) {
  let body;
  try {
    body = await request.json();
  } catch {
    return Response.json({ message: "The body must be JSON" }, { status: 400 });
  }
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  try {
    // When the browser goes away, the runtime cancels the response body, which releases the
    // upstream connection (request.signal is not passed: Deno aborts it after every response).
    const stream = await client.chat.stream({ model, messages });
    return stream.toResponse();
  } catch (error) {
    // Errors before the stream began (401, 422, 429 …) keep their status.
    return Response.json({ message: error.message }, { status: error.statusCode ?? 502 });
  }
}

async function file(url) {
  const extension = url.pathname.slice(url.pathname.lastIndexOf("."));
  try {
    return new Response(await readFile(url), {
      headers: { "content-type": types[extension] ?? "application/octet-stream" },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
