/**
 * The request bodies the emulator accepts, transcribed from the API spec
 * (ChatCompletionRequest, FIMCompletionRequest, AgentsCompletionRequest and
 * the message, content-chunk and tool shapes they use). Every object refuses
 * unknown keys, like the real API (`additionalProperties: false`).
 *
 * @module
 */
import {
  anyValue,
  bool,
  byType,
  type Check,
  dict,
  enumOf,
  int,
  list,
  literal,
  model,
  nullable,
  num,
  str,
  tagged,
} from "./validate.js";

const textChunk = model("TextChunk", { type: literal("text"), text: str }, ["text"]);
const referenceChunk = model(
  "ReferenceChunk",
  { type: literal("reference"), reference_ids: list(byType({ number: int(), string: str })) },
  ["reference_ids"],
);
const thinkChunk = model(
  "ThinkChunk",
  {
    type: literal("thinking"),
    thinking: list(
      tagged("type", { text: textChunk, reference: referenceChunk, tool_reference: dict }),
    ),
    signature: nullable(str),
    closed: bool,
  },
  ["thinking"],
);
const imageUrl = model("ImageURL", { url: str, detail: nullable(enumOf("low", "auto", "high")) }, [
  "url",
]);

/** ContentChunk: the parts of a message's `content` array. */
export const contentChunk = tagged("type", {
  text: textChunk,
  image_url: model(
    "ImageURLChunk",
    { type: literal("image_url"), image_url: byType({ string: str, object: imageUrl }) },
    ["image_url"],
  ),
  document_url: model(
    "DocumentURLChunk",
    { type: literal("document_url"), document_url: str, document_name: nullable(str) },
    ["document_url"],
  ),
  reference: referenceChunk,
  file: model("FileChunk", { type: literal("file"), file_id: str }, ["file_id"]),
  thinking: thinkChunk,
  input_audio: model("AudioChunk", { type: literal("input_audio"), input_audio: str }, [
    "input_audio",
  ]),
});

const content = byType({ string: str, array: list(contentChunk) });
const toolTypes = enumOf("function");
const toolCall = model(
  "ToolCall",
  {
    id: str,
    type: toolTypes,
    function: model(
      "FunctionCall",
      { name: str, arguments: byType({ object: dict, string: str }) },
      ["name", "arguments"],
    ),
    index: int(),
  },
  ["function"],
);

/** A message of the conversation, told apart by `role`. */
export const message = tagged("role", {
  system: model(
    "SystemMessage",
    {
      role: literal("system"),
      content: byType({
        string: str,
        array: list(tagged("type", { text: textChunk, thinking: thinkChunk })),
      }),
    },
    ["content"],
  ),
  user: model("UserMessage", { role: literal("user"), content: nullable(content) }, ["content"]),
  assistant: model("AssistantMessage", {
    role: literal("assistant"),
    content: nullable(content),
    tool_calls: nullable(list(toolCall)),
    prefix: bool,
  }),
  tool: model(
    "ToolMessage",
    {
      role: literal("tool"),
      content: nullable(content),
      tool_call_id: nullable(str),
      name: nullable(str),
    },
    ["content"],
  ),
});

const functionTool = model(
  "Tool",
  {
    type: toolTypes,
    function: model("Function", { name: str, description: str, strict: bool, parameters: dict }, [
      "name",
      "parameters",
    ]),
  },
  ["function"],
);
/** Built-in connectors are accepted as they come; the emulator never calls them. */
const builtInTool = (name: string) => model(name, { type: anyValue }, [], "allow");
export const tool = tagged(
  "type",
  {
    function: functionTool,
    web_search: builtInTool("WebSearchTool"),
    web_search_premium: builtInTool("WebSearchPremiumTool"),
    code_interpreter: builtInTool("CodeInterpreterTool"),
    image_generation: builtInTool("ImageGenerationTool"),
    document_library: builtInTool("DocumentLibraryTool"),
    connector: builtInTool("CustomConnector"),
  },
  "function",
);

const toolChoice = byType({
  string: enumOf("auto", "none", "any", "required"),
  object: model(
    "ToolChoice",
    { type: toolTypes, function: model("FunctionName", { name: str }, ["name"]) },
    ["function"],
  ),
});

export const responseFormat = model("ResponseFormat", {
  type: enumOf("text", "json_object", "json_schema"),
  json_schema: nullable(
    model("JsonSchema", { name: str, description: nullable(str), schema: dict, strict: bool }, [
      "name",
      "schema",
    ]),
  ),
});

export const stop = nullable(byType({ string: str, array: list(str) }));

/** Fields shared by chat and agents completions. */
const conversationFields: Record<string, Check> = {
  max_tokens: nullable(int({ ge: 0 })),
  stream: bool,
  stop,
  random_seed: nullable(int({ ge: 0 })),
  metadata: nullable(dict),
  messages: list(message),
  response_format: responseFormat,
  tools: nullable(list(tool)),
  tool_choice: toolChoice,
  presence_penalty: nullable(num({ ge: -2, le: 2 })),
  frequency_penalty: nullable(num({ ge: -2, le: 2 })),
  n: nullable(int({ ge: 1 })),
  prediction: model("Prediction", { type: literal("content"), content: str }),
  parallel_tool_calls: bool,
  reasoning_effort: nullable(enumOf("none", "minimal", "low", "medium", "high", "xhigh")),
  prompt_mode: nullable(enumOf("reasoning")),
  guardrails: nullable(list(dict)),
  prompt_cache_key: nullable(str),
  service_tier: nullable(enumOf("auto", "standard_only")),
};

const sampling: Record<string, Check> = {
  temperature: nullable(num({ ge: 0, le: 1.5 })),
  top_p: nullable(num({ gt: 0, le: 1 })),
};

/** `POST /v1/chat/completions`. */
export const chatRequest: Check = model(
  "ChatCompletionRequest",
  {
    model: str,
    ...sampling,
    ...conversationFields,
    safe_prompt: bool,
    // Not in the spec, but the API knows it as an object with no allowed keys: the recorded error for
    // `stream_options: {include_usage: true}` points at `["body", "stream_options", "include_usage"]`.
    stream_options: nullable(model("StreamOptions", {})),
  },
  ["messages", "model"],
);

/** `POST /v1/agents/completions`. */
export const agentsRequest: Check = model(
  "AgentsCompletionRequest",
  { ...conversationFields, agent_id: str },
  ["messages", "agent_id"],
);

/** `POST /v1/fim/completions`. */
export const fimRequest: Check = model(
  "FIMCompletionRequest",
  {
    model: str,
    ...sampling,
    max_tokens: nullable(int({ ge: 0 })),
    stream: bool,
    stop,
    random_seed: nullable(int({ ge: 0 })),
    metadata: nullable(dict),
    prompt: str,
    suffix: nullable(str),
    min_tokens: nullable(int({ ge: 0 })),
    prompt_cache_key: nullable(str),
  },
  ["prompt", "model"],
);
