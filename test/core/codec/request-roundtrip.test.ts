import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeChatCompletionRequest } from "../../../src/core/codec/index.js";
import type { ChatCompletionRequest } from "../../../src/core/models/index.js";
import {
  camelizeRequest,
  type Json,
  listRequestFixtures,
  readJson,
  shortName,
} from "./fixtures.js";

// Recorded requests that are not chat completion requests at all: the embeddings ones
// (misc/, and one error) are checked against their own encoder in test/core/endpoints/.
const notChat = new Set(["errors/rig.2026.error-400-embeddings-too-many-inputs.request.json"]);
const isChat = (name: string) => !notChat.has(name) && !name.startsWith("misc/");

// Recorded requests carrying fields the API's ChatCompletionRequest does not
// have (the server refused them): the encoder must drop exactly these.
const notInSpec: Record<string, string[]> = {
  "errors/rig.2026.error-400-logprobs-not-enabled-stream.request.json": [
    "logprobs",
    "top_logprobs",
  ],
};

test(
  "every recorded chat request survives wire → public → encode unchanged",
  { timeout: 30_000 },
  () => {
    const files = listRequestFixtures();
    let compared = 0;
    for (const file of files) {
      const name = shortName(file);
      if (!isChat(name)) continue;
      const wire = readJson(file);
      const publicForm = camelizeRequest(wire) as ChatCompletionRequest;
      const encoded = encodeChatCompletionRequest(publicForm, wire.stream === true);
      assert.equal(encoded.stream, wire.stream === true, `${name}: stream comes from the argument`);
      if (!("stream" in wire)) delete encoded.stream;
      const expected: Json = { ...wire };
      for (const key of notInSpec[name] ?? []) delete expected[key];
      assert.deepStrictEqual(encoded, expected, name);
      compared++;
    }
    assert.ok(compared >= 60, `only ${compared} request fixtures were compared`);
  },
);

test("the recorded JSON Schema request keeps its schema keys byte for byte", () => {
  const file = listRequestFixtures().find((f) =>
    f.endsWith("nonstream-json-schema-plus-tools.request.json"),
  );
  assert.ok(file, "fixture present");
  const wire = readJson(file);
  const publicForm = camelizeRequest(wire) as ChatCompletionRequest;
  assert.ok(
    publicForm.responseFormat?.jsonSchema?.schemaDefinition,
    "schema renamed for the public form",
  );
  const encoded = encodeChatCompletionRequest(publicForm, false);
  const sent = (encoded.response_format as Json).json_schema as Json;
  const recorded = (wire.response_format as Json).json_schema as Json;
  assert.equal(sent.schema, recorded.schema, "the very same object is sent");
  assert.equal(JSON.stringify(sent.schema), JSON.stringify(recorded.schema));
  assert.ok(!("schemaDefinition" in sent));
});
