/**
 * Serialises JSON the way Mistral's models write it in tool arguments and JSON
 * answers: `{"a": 1, "b": [2, 3]}`, with a space after `:` and `,`
 * (see the recorded tool calls), non-ASCII characters left as they are.
 *
 * @module
 */

/** `JSON.stringify` with `", "` and `": "` separators. */
export function toModelJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toModelJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${toModelJson(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
