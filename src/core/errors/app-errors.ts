/**
 * Failures of the app layer (`chat.parse`, `chat.parseStream`,
 * `chat.runTools`): the model answered, but not with what the app asked for.
 *
 * @module
 */

import { MistralError, type MistralErrorOptions } from "./base.js";

/** One problem a schema found in a value: where (a path of keys and indexes) and what. */
export interface SchemaIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where, from the root of the value (`[]` for the root itself). */
  readonly path: readonly (string | number)[];
}

/** Options of {@link StructuredOutputError}. */
export interface StructuredOutputErrorOptions extends MistralErrorOptions {
  /** The validation issues, for a reply that is JSON but does not fit the schema. */
  issues?: readonly SchemaIssue[] | undefined;
}

/**
 * A structured reply (`chat.parse`, `chat.parseStream`) was not valid JSON, or
 * did not fit the schema. `text` is the raw reply, `issues` what the schema
 * found (empty when the text was not JSON at all).
 */
export class StructuredOutputError extends MistralError {
  override name = "StructuredOutputError";
  /** The model's raw reply. */
  readonly text: string;
  /** What the schema found wrong (empty when the reply was not JSON). */
  readonly issues: readonly SchemaIssue[];
  /** The choice whose reply failed. */
  readonly choiceIndex: number;

  /** Builds the error of choice `choiceIndex`, whose reply was `text`. */
  constructor(
    message: string,
    text: string,
    choiceIndex: number,
    options: StructuredOutputErrorOptions = {},
  ) {
    super(message, options);
    this.text = text;
    this.issues = options.issues ?? [];
    this.choiceIndex = choiceIndex;
  }
}

/** Why a tool call failed. */
export type ToolCallFailure = "unknown_tool" | "invalid_arguments" | "failed";

/** Options of {@link ToolCallError}. */
export interface ToolCallErrorOptions extends MistralErrorOptions {
  /** The validation issues, for `invalid_arguments`. */
  issues?: readonly SchemaIssue[] | undefined;
}

/**
 * A tool call of `chat.runTools` failed: the model named a tool that does not
 * exist, gave arguments its schema refuses, or the tool threw (`cause`). By
 * default the failure goes back to the model as the tool's result; with
 * `toolErrors: "throw"` it ends the loop with this error.
 */
export class ToolCallError extends MistralError {
  override name = "ToolCallError";
  /** Why it failed. */
  readonly reason: ToolCallFailure;
  /** The tool the model called. */
  readonly toolName: string;
  /** The call's id (`toolCallId` of its result). */
  readonly toolCallId: string;
  /** The arguments as the model sent them. */
  readonly arguments: string;
  /** What the schema found wrong, for `invalid_arguments`. */
  readonly issues: readonly SchemaIssue[];

  /** Builds the error of one call. */
  constructor(
    message: string,
    call: { reason: ToolCallFailure; toolName: string; toolCallId: string; arguments: string },
    options: ToolCallErrorOptions = {},
  ) {
    super(message, options);
    this.reason = call.reason;
    this.toolName = call.toolName;
    this.toolCallId = call.toolCallId;
    this.arguments = call.arguments;
    this.issues = options.issues ?? [];
  }
}

/** `chat.runTools` reached `maxRounds` and the model still called tools. */
export class ToolLoopLimitError extends MistralError {
  override name = "ToolLoopLimitError";
  /** The limit that was reached. */
  readonly maxRounds: number;
  /** The transcript so far (the request's messages, then every round's). */
  readonly messages: readonly unknown[];

  /** Builds the error of a loop stopped after `maxRounds` rounds. */
  constructor(maxRounds: number, messages: readonly unknown[], options: MistralErrorOptions = {}) {
    super(
      `The tool loop reached maxRounds (${maxRounds}) and the model still asked for tools`,
      options,
    );
    this.maxRounds = maxRounds;
    this.messages = messages;
  }
}
