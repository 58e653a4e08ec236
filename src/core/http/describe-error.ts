/**
 * The one-line message of an HTTP error, in the server's own words. The API
 * answers errors in several JSON shapes:
 *
 * - `{object: "error", message: string | {detail: [...]}, type, code}` (the
 *   message is sometimes that object serialised into a string)
 * - `{message, request_id}`
 * - `{detail: string}`
 * - `{detail: [{loc, msg, type}]}` (validation)
 *
 * and proxies in front of it answer with HTML pages. Loaded on first use by
 * `error-response.ts`, so it imports nothing.
 *
 * @module
 */

const statusTexts: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const maxQuoted = 500;

/** Builds the message of an HTTP error: `API error 422 (Unprocessable Entity): body.messages.0.name: Extra inputs…`. */
export function describeBody(status: number, body: string, data: unknown): string {
  const head = `API error ${status}${statusTexts[status] ? ` (${statusTexts[status]})` : ""}`;
  const words = data === undefined ? describeText(body) : describeJson(data);
  return words ? `${head}: ${words}` : head;
}

/** Parses a body as JSON, or returns `undefined` when it is not JSON. */
export function parseJsonBody(body: string): unknown {
  const trimmed = body.trim();
  if (trimmed[0] !== "{" && trimmed[0] !== "[") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

function describeJson(data: unknown, depth = 0): string {
  if (typeof data === "string") {
    // `message` is sometimes a JSON document serialised into a string.
    const inner = depth < 2 ? parseJsonBody(data) : undefined;
    return inner === undefined ? clip(data) : describeJson(inner, depth + 1);
  }
  if (Array.isArray(data)) return data.map(describeDetail).join("; ");
  if (data === null || typeof data !== "object") return clip(JSON.stringify(data) ?? "");
  const record = data as Record<string, unknown>;
  const parts: string[] = [];
  if (record.message !== undefined && record.message !== null) {
    parts.push(describeJson(record.message, depth + 1));
  } else if (record.detail !== undefined) {
    parts.push(describeJson(record.detail, depth + 1));
  } else if (record.error !== undefined) {
    parts.push(describeJson(record.error, depth + 1));
  } else {
    parts.push(clip(JSON.stringify(record)));
  }
  const tags = [record.type, record.code !== null ? record.code : undefined]
    .filter((t) => typeof t === "string" && t.length > 0)
    .join(", ");
  return tags ? `${parts.join("")} [${tags}]` : parts.join("");
}

function describeDetail(item: unknown): string {
  if (item === null || typeof item !== "object") return clip(String(item));
  const { loc, msg } = item as { loc?: unknown; msg?: unknown };
  const where = Array.isArray(loc) ? loc.join(".") : "";
  const what = typeof msg === "string" ? msg : JSON.stringify(item);
  return where ? `${where}: ${what}` : what;
}

function describeText(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  if (title?.trim()) return `${clip(collapse(title))} (HTML page, likely from a proxy)`;
  if (/^\s*</.test(body)) {
    const text = collapse(body.replace(/<[^>]*>/g, " "));
    return text
      ? `${clip(text)} (HTML page, likely from a proxy)`
      : "(HTML page, likely from a proxy)";
  }
  return clip(collapse(body));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  return text.length > maxQuoted ? `${text.slice(0, maxQuoted)}…` : text;
}
