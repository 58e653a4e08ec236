// This client against the emulator's embeddings, classifiers, OCR, audio,
// files and batch endpoints: the answers behave as an app needs offline
// (retrieval ranks by shared words, moderation flags what it should, OCR
// reads a PDF's own text, speech transcribes back to its text, batch jobs
// move through their states), the API's validation and 404s come back as
// typed errors, and the stream faults work on audio streams.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import {
  BadRequestError,
  HTTPValidationError,
  IncompleteStreamError,
  Mistral,
  NotFoundError,
  ServerError,
  StreamServerError,
  speechAudio,
} from "../../helpers/sdk.js";

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

/** A two-page PDF: the first page's text plain, the second's deflated. */
function twoPagePdf(first: string, second: string): Buffer {
  const page1 = `BT /F1 12 Tf 72 720 Td (${first}) Tj ET`;
  const page2 = deflateSync(Buffer.from(`BT /F1 12 Tf 72 720 Td [(${second})] TJ ET`, "latin1"));
  return Buffer.concat([
    Buffer.from("%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n"),
    Buffer.from("2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n"),
    Buffer.from(`4 0 obj << /Length ${page1.length} >> stream\n${page1}\nendstream endobj\n`),
    Buffer.from(`5 0 obj << /Length ${page2.length} /Filter /FlateDecode >> stream\n`),
    page2,
    Buffer.from("\nendstream endobj\n%%EOF\n"),
  ]);
}

describe("the emulator's other endpoints, through this client", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0, apiKey: "key" });
    client = new Mistral({
      apiKey: "key",
      serverURL: emulator.url,
      retryConfig: { strategy: "none" },
    });
  });
  after(() => emulator.close());
  const withFault = (fault: string) => ({ headers: { "x-emulator-fault": fault } });

  test("embeddings rank documents by what they share with the query, the same every time", async () => {
    const docs = [
      "The cat sat on the warm windowsill all afternoon.",
      "Quarterly tax filings are due at the end of the month.",
      "Rust programs avoid data races through ownership.",
    ];
    const [d, q, again] = await Promise.all([
      client.embeddings.create({ model: "mistral-embed", inputs: docs }),
      client.embeddings.create({ model: "mistral-embed", inputs: "when are tax filings due?" }),
      client.embeddings.create({ model: "mistral-embed", inputs: docs[0]! }),
    ]);
    const query = q.data[0]!.embedding!;
    const scores = d.data.map((v) => cosine(v.embedding!, query));
    assert.equal(scores.indexOf(Math.max(...scores)), 1, `scores ${scores}`);
    assert.ok(Math.abs(cosine(query, query) - 1) < 1e-3, "unit vectors");
    assert.deepEqual(again.data[0]!.embedding, d.data[0]!.embedding);
  });

  test("embeddings follow the model's dimension and refuse what the API refuses", async () => {
    const code = await client.embeddings.create({ model: "codestral-embed", inputs: "x" });
    assert.equal(code.data[0]!.embedding!.length, 1536);
    const bad = await client.embeddings
      .create({ model: "mistral-large-latest", inputs: "x" })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof BadRequestError && /Invalid model/.test(bad.message), String(bad));
    const many = await client.embeddings
      .create({ model: "mistral-embed", inputs: Array.from({ length: 257 }, (_, i) => `d${i}`) })
      .catch((e: unknown) => e);
    assert.ok(many instanceof BadRequestError && /Too many inputs/.test(many.message));
    const raw = await fetch(`${emulator.url}/v1/embeddings`, {
      method: "POST",
      headers: { authorization: "Bearer key", "content-type": "application/json" },
      body: JSON.stringify({ model: "mistral-embed", input: "x", dimensions: 8 }),
    });
    assert.equal(raw.status, 422);
    const body = (await raw.json()) as { message: { detail: { type: string; loc: string[] }[] } };
    assert.deepEqual(body.message.detail[0]?.loc, ["body", "dimensions"]);
    assert.equal(body.message.detail[0]?.type, "extra_forbidden");
  });

  test("moderation flags what it should, in every category the API has", async () => {
    const res = await client.classifiers.moderate({
      model: "mistral-moderation-latest",
      inputs: ["Call me at 555-123-4567", "What a lovely day"],
    });
    assert.equal(res.results[0]!.categories!.pii, true);
    assert.equal(Object.values(res.results[1]!.categories!).some(Boolean), false);
    assert.equal(Object.keys(res.results[1]!.categoryScores!).length, 9);
  });

  test("OCR reads an uploaded PDF's own text, page by page, and annotates it against a schema", async () => {
    const pdf = twoPagePdf("Invoice 42 for Acme", "Total due 99 EUR");
    const file = await client.files.upload({
      file: new File([new Uint8Array(pdf)], "invoice.pdf", { type: "application/pdf" }),
      purpose: "ocr",
    });
    const res = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "file", fileId: file.id },
      documentAnnotationFormat: {
        type: "json_schema",
        jsonSchema: {
          name: "invoice",
          schemaDefinition: {
            type: "object",
            properties: { number: { type: "integer" }, customer: { type: "string" } },
            required: ["number", "customer"],
            additionalProperties: false,
          },
        },
      },
    });
    assert.deepEqual(
      res.pages.map((p) => p.markdown),
      ["Invoice 42 for Acme", "Total due 99 EUR"],
    );
    assert.equal(res.usageInfo.docSizeBytes, pdf.length);
    const annotation = JSON.parse(res.documentAnnotation ?? "null");
    assert.equal(typeof annotation.number, "number");
    assert.equal(typeof annotation.customer, "string");
    const second = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { fileId: file.id },
      pages: [1],
    });
    assert.deepEqual(
      second.pages.map((p) => p.index),
      [1],
    );
  });

  test("speech streamed to bytes transcribes back to its text; the stream's final response is the whole audio", async () => {
    const input = "Offline audio round trips work.";
    const stream = await client.audio.speech.complete({
      input,
      responseFormat: "mp3",
      stream: true,
    });
    const [left, right] = stream.tee();
    const chunks: Uint8Array[] = [];
    for await (const bytes of speechAudio(left)) chunks.push(bytes);
    const final = await right.finalResponse();
    const audio = Buffer.concat(chunks);
    assert.deepEqual(Buffer.from(final.audioData, "base64"), audio);
    assert.equal(audio.subarray(0, 3).toString("ascii"), "ID3");
    const text = await client.audio.transcriptions.complete({
      model: "voxtral-mini-latest",
      file: new Blob([new Uint8Array(audio)], { type: "audio/mpeg" }),
      language: "en",
    });
    assert.equal(text.text, input);
    assert.equal(text.language, "en");
    assert.deepEqual(text.segments, []);
  });

  test("a streamed transcription: language first, text in deltas, timed segments, then done with usage", async () => {
    const wav = Buffer.from(
      (
        await client.audio.speech.complete({
          input: "One sentence here. And a second one.",
          responseFormat: "wav",
        })
      ).audioData,
      "base64",
    );
    const stream = await client.audio.transcriptions.stream({
      model: "voxtral-mini-latest",
      file: { fileName: "two.wav", content: wav },
      timestampGranularities: ["segment"],
    });
    const events = [];
    for await (const event of stream) events.push(event);
    assert.equal(events[0]!.event, "transcription.language");
    const segments = events.flatMap((e) =>
      e.data.type === "transcription.segment" ? [e.data] : [],
    );
    assert.deepEqual(
      segments.map((s) => s.text),
      ["One sentence here.", "And a second one."],
    );
    assert.ok(segments[0]!.end! <= segments[1]!.start!);
    const deltas = events.filter((e) => e.event === "transcription.text.delta").length;
    assert.ok(deltas >= 6, `text arrives in pieces (${deltas})`);
    const done = events.at(-1)!.data;
    assert.ok(
      done.type === "transcription.done" && done.text === "One sentence here. And a second one.",
    );
    assert.ok(done.type === "transcription.done" && (done.usage.promptAudioSeconds ?? 0) >= 1);
    assert.equal(stream.stats.events, events.length);
  });

  test("the chat faults work on audio streams", async () => {
    const open = (fault: string) =>
      client.audio.transcriptions.stream(
        { model: "voxtral-mini-latest", fileUrl: "https://e.x/a.mp3" },
        withFault(fault),
      );
    const settle = async (fault: string) =>
      (await open(fault)).finalResponse().catch((e: unknown) => e);
    assert.ok((await settle("no-done")) instanceof IncompleteStreamError);
    const dropped = await settle("drop-after-events=3");
    assert.ok(
      dropped instanceof IncompleteStreamError || (dropped as Error).name === "ConnectionError",
      String(dropped),
    );
    const failed = await settle("error-event;after-events=2;message=decoder%20crashed");
    assert.ok(
      failed instanceof StreamServerError && /decoder crashed/.test(failed.message),
      String(failed),
    );
    const status = await open("status=503").catch((e: unknown) => e);
    assert.ok(status instanceof ServerError && status.statusCode === 503);
    const speech = await client.audio.speech.complete(
      { input: "hi there", stream: true },
      withFault("no-done"),
    );
    assert.ok(
      (await speech.finalResponse().catch((e: unknown) => e)) instanceof IncompleteStreamError,
    );
  });

  test("a multipart upload answered 503 is retried with its whole body", async () => {
    const retrying = new Mistral({
      apiKey: "key",
      serverURL: emulator.url,
      retryConfig: {
        strategy: "backoff",
        backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 2000 },
      },
    });
    const file = await retrying.files.upload(
      { file: { fileName: "r.txt", content: new TextEncoder().encode("retried") } },
      withFault("status=503;count=1;retry-after=none;id=upload-503"),
    );
    const back = await new Response(await client.files.download({ fileId: file.id })).text();
    assert.equal(back, "retried");
  });

  test("files: 404 and 422 as the API answers them; a signed URL works without the key, a forged one does not", async () => {
    const missing = await client.files
      .retrieve({ fileId: "00000000-0000-4000-8000-000000000000" })
      .catch((e: unknown) => e);
    assert.ok(missing instanceof NotFoundError);
    const malformed = await client.files
      .retrieve({ fileId: "not-a-uuid" })
      .catch((e: unknown) => e);
    assert.ok(
      malformed instanceof HTTPValidationError && /valid UUID/.test(malformed.message),
      String(malformed),
    );
    const file = await client.files.upload({ file: new Blob(["signed bytes"]), purpose: "batch" });
    const { url } = await client.files.getSignedUrl({ fileId: file.id, expiry: 2 });
    assert.equal(await (await fetch(url)).text(), "signed bytes");
    assert.equal((await fetch(url.replace(/signature=[0-9a-f]/, "signature=x"))).status, 401);
    assert.equal((await client.files.delete({ fileId: file.id })).deleted, true);
    const gone = await client.files.download({ fileId: file.id }).catch((e: unknown) => e);
    assert.ok(gone instanceof NotFoundError);
  });

  test("a batch job goes QUEUED, RUNNING, SUCCESS, with an output file per request and an error file for the failures", async () => {
    const lines = [
      {
        custom_id: "ok-1",
        body: { model: "mistral-small-latest", messages: [{ role: "user", content: "Say hi" }] },
      },
      {
        custom_id: "ok-2",
        body: { model: "mistral-small-latest", messages: [{ role: "user", content: "Say bye" }] },
      },
      {
        custom_id: "bad",
        body: { model: "no-such-model", messages: [{ role: "user", content: "?" }] },
      },
    ];
    const input = await client.files.upload({
      file: {
        fileName: "in.jsonl",
        content: new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join("\n")),
      },
      purpose: "batch",
    });
    const job = await client.batch.jobs.create({
      inputFiles: [input.id],
      endpoint: "/v1/chat/completions",
    });
    const seen = new Set([job.status]);
    let current = job;
    for (let i = 0; i < 200 && current.status !== "SUCCESS"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      current = await client.batch.jobs.get({ jobId: job.id });
      seen.add(current.status);
    }
    assert.deepEqual([...seen], ["QUEUED", "RUNNING", "SUCCESS"]);
    assert.deepEqual(
      [current.totalRequests, current.succeededRequests, current.failedRequests],
      [3, 2, 1],
    );
    const output = await new Response(
      await client.files.download({ fileId: current.outputFile! }),
    ).text();
    const results = output
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      results.map((r) => r.custom_id),
      ["ok-1", "ok-2"],
    );
    assert.equal(results[0].response.body.object, "chat.completion");
    const errors = await new Response(
      await client.files.download({ fileId: current.errorFile! }),
    ).text();
    assert.equal(JSON.parse(errors).custom_id, "bad");
    assert.equal(current.errors[0]?.count, 1);
  });

  test("a cancelled batch job stops, keeping what it had done", async () => {
    const requests = Array.from({ length: 30 }, (_, i) => ({
      customId: String(i),
      body: { input: [`text ${i}`] },
    }));
    const job = await client.batch.jobs.create({
      requests,
      endpoint: "/v1/embeddings",
      model: "mistral-embed",
    });
    let current = job;
    for (let i = 0; i < 100 && current.completedRequests === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      current = await client.batch.jobs.get({ jobId: job.id });
    }
    const asked = await client.batch.jobs.cancel({ jobId: job.id });
    assert.equal(asked.status, "CANCELLATION_REQUESTED");
    for (let i = 0; i < 100 && current.status !== "CANCELLED"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      current = await client.batch.jobs.get({ jobId: job.id, inline: true });
    }
    assert.equal(current.status, "CANCELLED");
    assert.ok(
      current.completedRequests > 0 && current.completedRequests < 30,
      String(current.completedRequests),
    );
    assert.equal(current.outputs?.length, current.completedRequests);
    const missing = await client.batch.jobs
      .get({ jobId: "00000000-0000-4000-8000-000000000000" })
      .catch((e: unknown) => e);
    assert.ok(missing instanceof NotFoundError);
  });
});
