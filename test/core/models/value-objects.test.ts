// The official client's enum-like value objects (`ToolChoiceEnum.Any` …): each
// one this package has holds the same values, and those of the resources here
// are all present.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as official from "@mistralai/mistralai/models/components/index.js";
import * as ours from "../../../src/core/models/index.js";

/** Name → value of the plain string-valued objects of a module. */
function valueObjects(module: object): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([, v]) => typeof v === "string")) {
      out.set(name, value as Record<string, string>);
    }
  }
  return out;
}

test("every value object shared with the official client has its values", () => {
  const theirs = valueObjects(official);
  const mine = valueObjects(ours);
  const shared = [...mine.keys()].filter((name) => theirs.has(name));
  assert.ok(shared.length >= 30, `${shared.length} shared value objects`);
  // Ours may hold more where the spec lists more (FilePurpose.Audio); never other values.
  for (const name of shared) {
    const expected = theirs.get(name) ?? {};
    const got = mine.get(name) ?? {};
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((k) => [k, got[k]])),
      expected,
      name,
    );
  }
});

test("the value objects of this package's resources are all there", () => {
  const mine = valueObjects(ours);
  for (const name of [
    "ToolChoiceEnum",
    "ResponseFormats",
    "ToolTypes",
    "BuiltInConnectors",
    "SSETypes",
    "Confirmation",
    "ConversationRequestHandoffExecution",
    "ConversationAppendStreamRequestHandoffExecution",
    "FunctionCallEntryConfirmationStatus",
    "FunctionCallEventConfirmationStatus",
    "SpeechStreamEventTypes",
    "TranscriptionStreamEventTypes",
    "ModerationLLMAction",
    "Source",
    "FilePurpose",
    "TimestampGranularity",
  ]) {
    assert.ok(mine.has(name), `${name} is exported`);
  }
});
