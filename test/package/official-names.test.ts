// Code written for the official client imports names from its entries: each
// runtime export of those entries is exported here too, by the same name, and
// the helpers among them give the same answers.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

/** Runtime export names of `official` that `ours` lacks. */
async function missing(official: string, ours: string, exempt: string[] = []): Promise<string[]> {
  const theirs = await import(official);
  const mine = await import(ours);
  return Object.keys(theirs).filter((name) => !(name in mine) && !exempt.includes(name));
}

describe("the official client's names", () => {
  test("every runtime export of its main entry, lib/http.js and core.js is here", async () => {
    assert.deepEqual(await missing("@mistralai/mistralai", "mistral-stream"), []);
    assert.deepEqual(
      await missing("@mistralai/mistralai/lib/http.js", "mistral-stream/lib/http.js"),
      [],
    );
    assert.deepEqual(await missing("@mistralai/mistralai/core.js", "mistral-stream/core.js"), []);
    assert.deepEqual(
      await missing("@mistralai/mistralai/types/fp.js", "mistral-stream/types/fp.js"),
      [],
    );
    assert.deepEqual(
      await missing(
        "@mistralai/mistralai/lib/event-streams.js",
        "mistral-stream/lib/event-streams.js",
      ),
      [],
    );
  });

  test("every error class of models/errors is here (not its zod schemas, nor observability's)", async () => {
    const exempt = [
      "HTTPValidationError$inboundSchema",
      "ObservabilityError",
      "ObservabilityError$inboundSchema",
      "formatZodError",
    ];
    const official = "@mistralai/mistralai/models/errors/index.js";
    assert.deepEqual(await missing(official, "mistral-stream/models/errors", exempt), []);
  });

  test("serverURLFromOptions and SDK_METADATA answer as the official ones", async () => {
    const theirs = await import("@mistralai/mistralai");
    const mine = await import("mistral-stream");
    for (const options of [{}, { server: "eu" as const }, { serverURL: "http://127.0.0.1:8787" }]) {
      assert.equal(
        mine.serverURLFromOptions(options)?.href,
        theirs.serverURLFromOptions(options)?.href,
        JSON.stringify(options),
      );
    }
    assert.deepEqual(
      Object.keys(mine.SDK_METADATA).sort(),
      Object.keys(theirs.SDK_METADATA).sort(),
    );
    assert.equal(mine.SDK_METADATA.language, "typescript");
    assert.match(mine.SDK_METADATA.userAgent, /^mistral-stream\/\d+\.\d+\.\d+/);
  });

  test("the files helpers give the official answers", async () => {
    const { files: theirs } = await import("@mistralai/mistralai");
    const { files: mine } = await import("mistral-stream");
    for (const name of ["a.PDF", "photo.jpeg", "x.tar.gz", "notes", "", "weird.exe"]) {
      assert.equal(
        mine.getContentTypeFromFileName(name),
        theirs.getContentTypeFromFileName(name),
        name,
      );
    }
    assert.equal(mine.getContentTypeFromFileName("a.PDF"), "application/pdf");
    // The official table is a plain object, so it answers a function here; ours does not.
    assert.equal(mine.getContentTypeFromFileName("x.constructor"), null);
    // A Buffer that is a view into a larger pool gives only its own bytes.
    const pooled = Buffer.from("0123456789").subarray(2, 5);
    const blob = mine.bytesToBlob(pooled, "text/plain");
    assert.equal(blob.type, "text/plain");
    assert.equal(await blob.text(), "234");
    const stream = new Blob(["ab", "cd"]).stream();
    assert.equal(Buffer.from(await mine.readableStreamToArrayBuffer(stream)).toString(), "abcd");
  });

  test("the types/fp.js helpers behave as the official ones", async () => {
    const theirs = await import("@mistralai/mistralai/types/fp.js");
    const mine = await import("mistral-stream/types/fp.js");
    assert.deepEqual(mine.OK(1), theirs.OK(1));
    assert.deepEqual(mine.ERR("e"), theirs.ERR("e"));
    assert.equal(mine.unwrap(mine.OK(2)), 2);
    assert.throws(() => mine.unwrap(mine.ERR(new RangeError("x"))), RangeError);
    assert.equal(await mine.unwrapAsync(Promise.resolve(mine.OK(3))), 3);
    await assert.rejects(
      mine.unwrapAsync(Promise.resolve(mine.ERR(new TypeError("y")))),
      TypeError,
    );
  });

  test("deep official model paths resolve to the same names", async () => {
    const main = await import("mistral-stream");
    const deep = await import("mistral-stream/models/components/chatcompletionstreamrequest.js");
    assert.equal(deep.ToolChoiceEnum, main.ToolChoiceEnum);
    const errors = await import("mistral-stream/models/errors/index.js");
    assert.equal(errors.SDKError, main.SDKError);
    const streams = await import("mistral-stream/lib/event-streams.js");
    assert.equal(streams.EventStream, main.EventStream);
  });
});
