// The predicates of the official client's lib/http.js, checked against the
// official ones on the same inputs.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as theirs from "@mistralai/mistralai/lib/http.js";
import * as sdk from "../../helpers/sdk.js";

/** The predicates by name, on each side. */
const pick = (
  m: Pick<
    typeof theirs,
    | "isAbortError"
    | "isConnectionError"
    | "isTimeoutError"
    | "matchContentType"
    | "matchStatusCode"
    | "matchResponse"
  >,
) => ({
  isAbortError: m.isAbortError,
  isConnectionError: m.isConnectionError,
  isTimeoutError: m.isTimeoutError,
  matchContentType: m.matchContentType,
  matchStatusCode: m.matchStatusCode,
  matchResponse: m.matchResponse,
});
const ours = { ...sdk, ...pick(sdk) };
const official = pick(theirs);
const names = Object.keys(official) as Array<keyof typeof official>;

const errors: unknown[] = [
  new TypeError("fetch failed"),
  new TypeError("Failed to fetch"),
  new TypeError("something else"),
  new DOMException("aborted", "AbortError"),
  new DOMException("timed out", "TimeoutError"),
  Object.assign(new Error("reset"), { code: "ECONNRESET" }),
  Object.assign(new Error("aborted"), { code: "ECONNABORTED" }),
  { name: "ConnectionError" },
  { code: 20 },
  { code: 23 },
  null,
  "fetch failed",
  42,
];

const withType = (status: number, type?: string) =>
  new Response(null, { status, headers: type === undefined ? {} : { "content-type": type } });
const responses = [
  withType(200, "application/json"),
  withType(200, "application/json; charset=utf-8"),
  withType(201, "text/event-stream"),
  withType(404, "text/html; charset=UTF-8"),
  withType(503),
  withType(429, "application/problem+json"),
];
const types = [
  "*",
  "*/*",
  "application/json",
  "application/json; charset=utf-8",
  "text/*",
  "*/json",
  "application/octet-stream",
  "bogus",
];
const codes: Array<number | string | Array<number | string>> = [
  200,
  "200",
  "2XX",
  "4xx",
  "default",
  [404, "5XX"],
  [],
  429,
];

describe("lib/http.js predicates", () => {
  test("every one the official client has is exported", () => {
    for (const name of names) assert.equal(typeof ours[name], "function", name);
  });

  test("the error predicates agree with the official ones", () => {
    for (const err of errors) {
      for (const name of ["isAbortError", "isConnectionError", "isTimeoutError"] as const) {
        assert.equal(ours[name](err), official[name](err), `${name}(${String(err)})`);
      }
    }
    assert.equal(ours.isConnectionError(new TypeError("fetch failed")), true);
    assert.equal(ours.isAbortError(new DOMException("x", "AbortError")), true);
  });

  test("the response matchers agree with the official ones", () => {
    let matched = 0;
    for (const response of responses) {
      for (const type of types) {
        const got = ours.matchContentType(response, type);
        assert.equal(got, official.matchContentType(response, type), `${response.status} ${type}`);
        if (got) matched++;
      }
      for (const code of codes) {
        assert.equal(
          ours.matchStatusCode(response, code),
          official.matchStatusCode(response, code),
          `${response.status} ~ ${JSON.stringify(code)}`,
        );
        assert.equal(
          ours.matchResponse(response, code, "application/json"),
          official.matchResponse(response, code, "application/json"),
        );
      }
    }
    assert.ok(matched > 10 && matched < responses.length * types.length, "both outcomes occur");
  });

  test("the server names are the official ones", async () => {
    const root = await import("@mistralai/mistralai");
    assert.deepEqual(
      [ours.ServerGlobal, ours.ServerEu, ours.ServerUs],
      [root.ServerGlobal, root.ServerEu, root.ServerUs],
    );
    for (const name of [ours.ServerGlobal, ours.ServerEu, ours.ServerUs] as const) {
      assert.equal(ours.ServerList[name], root.ServerList[name]);
    }
  });
});
