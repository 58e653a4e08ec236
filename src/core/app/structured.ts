/**
 * Structured output: a schema becomes the request's `response_format`, and a
 * reply becomes its validated value. Shared by `chat.parse` (whole replies)
 * and `chat.parseStream` (the final value of a stream).
 *
 * @module
 */

import { InvalidRequestError, StructuredOutputError } from "../errors/index.js";
import type {
  ChatCompletionChoice,
  ChatCompletionRequest,
  ChatCompletionResponse,
  ContentChunk,
} from "../models/index.js";
import type { ParsedChatCompletionResponse } from "./parse-types.js";
import { describeIssues, type ResolvedSchema, resolveSchema } from "./schema.js";
import { dropNullOptionals, strictSchema } from "./strict-schema.js";

/** A request whose `responseFormat` was turned into the wire form, and the schema to check the reply with. */
export interface StructuredRequest {
  readonly request: ChatCompletionRequest;
  readonly schema: ResolvedSchema;
}

const namePattern = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Reads `request.responseFormat`: a Standard Schema, a plain JSON Schema, or
 * a `ResponseFormat` of type `json_schema` (whose name and `strict` are kept).
 */
export function structuredRequest(request: unknown, method: string): StructuredRequest {
  if (request === null || typeof request !== "object") {
    throw new InvalidRequestError(`${method}: the request must be an object`);
  }
  const { responseFormat, ...rest } = request as { responseFormat?: unknown };
  if (responseFormat === undefined || responseFormat === null) {
    throw new InvalidRequestError(`${method}: request.responseFormat must be a schema`);
  }
  const format = responseFormat as {
    type?: unknown;
    jsonSchema?: {
      name?: unknown;
      schemaDefinition?: unknown;
      strict?: unknown;
      description?: unknown;
    };
  };
  const given = format.type === "json_schema" && format.jsonSchema ? format.jsonSchema : undefined;
  if (!given && (format.type === "json_object" || format.type === "text")) {
    throw new InvalidRequestError(
      `${method}: responseFormat must carry a schema (type "${format.type}" has none)`,
    );
  }
  const source = (given ? given.schemaDefinition : responseFormat) as Record<string, unknown>;
  const schema = resolveSchema(source, `${method}: request.responseFormat`);
  const name = typeof given?.name === "string" ? given.name : nameOf(schema.jsonSchema);
  const strict = given?.strict === undefined ? true : given.strict === true;
  const jsonSchema = {
    name,
    ...(typeof given?.description === "string" ? { description: given.description } : {}),
    schemaDefinition: (strict ? strictSchema(schema.jsonSchema) : schema.jsonSchema) as Record<
      string,
      unknown
    >,
    strict,
  };
  return {
    request: {
      ...(rest as ChatCompletionRequest),
      responseFormat: { type: "json_schema", jsonSchema },
    },
    schema,
  };
}

/** The name sent for a schema: its `title` when that is a valid name, else `"response"`. */
function nameOf(jsonSchema: Record<string, unknown>): string {
  const title = jsonSchema.title;
  return typeof title === "string" && namePattern.test(title) ? title : "response";
}

/** The text of a message's content (its text chunks joined; thinking left out). */
export function contentText(content: string | ContentChunk[] | null | undefined): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let text = "";
  for (const chunk of content) if (chunk.type === "text") text += chunk.text;
  return text;
}

/** Every choice of `response` with `message.parsed` set; the first bad reply throws. */
export async function parseResponse<T>(
  response: ChatCompletionResponse,
  schema: ResolvedSchema,
): Promise<ParsedChatCompletionResponse<T>> {
  const choices = await Promise.all(response.choices.map((c) => parseChoice(c, schema)));
  return { ...response, choices } as ParsedChatCompletionResponse<T>;
}

async function parseChoice(choice: ChatCompletionChoice, schema: ResolvedSchema) {
  const message = choice.message;
  const text = contentText(message?.content);
  // A choice that called tools instead of answering has nothing to parse.
  if (!message || (text.trim() === "" && (message.toolCalls?.length ?? 0) > 0)) return choice;
  return { ...choice, message: { ...message, parsed: await parseReply(text, schema, choice) } };
}

/** The reply `text` of `choice` as its schema's value; throws {@link StructuredOutputError}. */
export async function parseReply(
  text: string,
  schema: ResolvedSchema,
  choice: { index: number; finishReason?: string | undefined },
): Promise<unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why =
      choice.finishReason === "length"
        ? 'the reply was cut by max_tokens (finish_reason "length")'
        : "the reply is not valid JSON";
    throw new StructuredOutputError(
      `Structured output of choice ${choice.index}: ${why}`,
      text,
      choice.index,
      {
        cause: error,
      },
    );
  }
  const result = await schema.validate(dropNullOptionals(schema.jsonSchema, json));
  if ("issues" in result) {
    throw new StructuredOutputError(
      `Structured output of choice ${choice.index} does not fit the schema: ${describeIssues(result.issues)}`,
      text,
      choice.index,
      { issues: result.issues },
    );
  }
  return result.value;
}
