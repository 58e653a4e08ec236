/**
 * One tool call of the loop: find the tool, read and validate the arguments,
 * run it, turn the outcome into the content of a `tool` message. A failure is
 * a {@link ToolCallError}, which the loop sends back or throws.
 *
 * @module
 */

import { InvalidRequestError, ToolCallError } from "../errors/index.js";
import type { ChatCompletionRequestTool, ToolCall } from "../models/index.js";
import { describeIssues, type ResolvedSchema, resolveSchema } from "./schema.js";
import type { RunnableTool, ToolContext } from "./tool-types.js";

/** A tool ready to be called: its wire form, its argument check and its code. */
export interface PreparedTool {
  readonly wire: ChatCompletionRequestTool;
  readonly schema: ResolvedSchema;
  readonly run: RunnableTool["run"];
}

/** Checks the tools and splits each into what is sent and what is run. */
export function prepareTools(tools: unknown, method: string): Map<string, PreparedTool> {
  if (!Array.isArray(tools) || tools.length === 0) {
    throw new InvalidRequestError(`${method}: request.tools must be a non-empty array`);
  }
  const prepared = new Map<string, PreparedTool>();
  for (const [i, tool] of (tools as RunnableTool[]).entries()) {
    const name = tool?.function?.name;
    if (tool?.type !== "function" || typeof name !== "string" || name === "") {
      throw new InvalidRequestError(`${method}: tools[${i}] must be a function tool with a name`);
    }
    if (typeof tool.run !== "function") {
      throw new InvalidRequestError(`${method}: tools[${i}] (${name}) has no run function`);
    }
    if (prepared.has(name)) throw new InvalidRequestError(`${method}: two tools are named ${name}`);
    const schema = resolveSchema(
      tool.function.parameters,
      `${method}: tools[${i}].function.parameters`,
    );
    const { description, strict } = tool.function;
    const fn = {
      name,
      parameters: schema.jsonSchema,
      ...(description === undefined ? {} : { description }),
      ...(strict === undefined ? {} : { strict }),
    };
    prepared.set(name, { wire: { type: "function", function: fn }, schema, run: tool.run });
  }
  return prepared;
}

/** The outcome of one call: the result's content, or the failure. */
export interface CallOutcome {
  readonly content: string;
  readonly error: ToolCallError | undefined;
}

/** Runs one call of `context.toolCall`; a failure is returned, never thrown (the loop races it against its abort). */
export async function runCall(
  tools: Map<string, PreparedTool>,
  call: ToolCall,
  context: ToolContext,
): Promise<CallOutcome> {
  const { name, arguments: args } = context.toolCall;
  const fail = (reason: ToolCallError["reason"], message: string, extra = {}): CallOutcome => {
    const error = new ToolCallError(
      message,
      { reason, toolName: name, toolCallId: context.toolCall.id, arguments: args },
      extra,
    );
    return { content: JSON.stringify({ error: error.message }), error };
  };
  const tool = tools.get(name);
  if (!tool)
    return fail(
      "unknown_tool",
      `The model called ${JSON.stringify(name)}, which is not one of the tools`,
    );
  let value: unknown = call.function.arguments;
  if (typeof value === "string") {
    try {
      value = value.trim() === "" ? {} : JSON.parse(value);
    } catch (cause) {
      return fail("invalid_arguments", `The arguments of ${name} are not valid JSON`, { cause });
    }
  }
  const checked = await tool.schema.validate(value);
  if ("issues" in checked) {
    return fail(
      "invalid_arguments",
      `The arguments of ${name} do not fit its parameters: ${describeIssues(checked.issues)}`,
      {
        issues: checked.issues,
      },
    );
  }
  try {
    const result = await tool.run(checked.value as never, context);
    return {
      content: typeof result === "string" ? result : (JSON.stringify(result) ?? "null"),
      error: undefined,
    };
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return fail("failed", `The tool ${name} failed: ${why}`, { cause });
  }
}
