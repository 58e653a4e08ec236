import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import { Mistral } from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

const jsonDir = fixturePath("mistral", "json");
const names = readdirSync(jsonDir).filter((f) => f.endsWith(".response.json"));

describe("chat.complete over every recorded non-stream response", () => {
  let server: TestServer;
  let body = "";
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
  });
  after(() => server.close());

  for (const name of names) {
    test(`${name} decodes to the public shape with the recorded values`, async () => {
      body = readFileSync(`${jsonDir}/${name}`, "utf8");
      const wire = JSON.parse(body);
      const client = new Mistral({ apiKey: "k", serverURL: server.url });
      const response = await client.chat.complete({
        model: wire.model,
        messages: [{ role: "user", content: "x" }],
      });
      assert.equal(response.id, wire.id);
      assert.equal(response.model, wire.model);
      assert.equal(response.choices.length, wire.choices.length);
      for (const [i, choice] of response.choices.entries()) {
        const recorded = wire.choices[i];
        assert.equal(choice.finishReason, recorded.finish_reason);
        assert.deepEqual(choice.message?.content, camelContent(recorded.message.content));
        assert.equal(choice.message?.toolCalls?.length, recorded.message.tool_calls?.length);
        for (const [j, call] of (choice.message?.toolCalls ?? []).entries()) {
          assert.equal(call.function.name, recorded.message.tool_calls[j].function.name);
          assert.deepEqual(
            call.function.arguments,
            recorded.message.tool_calls[j].function.arguments,
          );
        }
      }
      assert.equal(response.usage.promptTokens, wire.usage.prompt_tokens);
      assert.equal(response.usage.completionTokens, wire.usage.completion_tokens);
      assert.equal(response.usage.totalTokens, wire.usage.total_tokens);
      const request = JSON.parse(server.requests.at(-1)?.body ?? "{}");
      assert.equal(request.stream, false);
      assert.equal(server.requests.at(-1)?.headers.accept, "application/json");
    });
  }
});

/** Content as the public API shows it: strings as is, chunk arrays camelCased where the API renames. */
function camelContent(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content.map((chunk) =>
    JSON.parse(JSON.stringify(chunk).replace(/"image_url"(?=:)/g, '"imageUrl"')),
  );
}
