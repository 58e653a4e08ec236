// The official `@mistralai/mistralai` client against the emulator's
// embeddings, classifiers, OCR, audio, files and batch endpoints: it
// validates every response and event against its own schemas, so each call
// here passing means the emulator answers in shapes the official client
// accepts. Where answers are deterministic, this package's results match it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { officialAndOurs } from "../official-pair.js";

/** Reads any async iterable into an array. */
async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const batchLine = (id: string, content: string) =>
  `${JSON.stringify({ custom_id: id, body: { messages: [{ role: "user", content }], max_tokens: 16 } })}\n`;

describe("the official client against the emulator's other endpoints", () => {
  const c = officialAndOurs();

  test("embeddings: accepted, and the same vectors as ours", async () => {
    const request = { model: "mistral-embed", inputs: ["a cat on a mat", "a dog on a log"] };
    const theirs = await c.official.embeddings.create(request);
    const mine = await c.ours.embeddings.create(request);
    assert.equal(theirs.data.length, 2);
    assert.equal(theirs.data[0]?.embedding?.length, 1024);
    assert.deepEqual(
      mine.data.map((d) => d.embedding),
      theirs.data.map((d) => d.embedding),
    );
    assert.equal(mine.usage.promptTokens, theirs.usage.promptTokens);
    const short = await c.official.embeddings.create({
      model: "codestral-embed",
      inputs: "fn main() {}",
      outputDimension: 256,
      outputDtype: "int8",
    });
    assert.equal(short.data[0]?.embedding?.length, 256);
    assert.ok(short.data[0]?.embedding?.every((v) => Number.isInteger(v) && v >= -128 && v <= 127));
  });

  test("classifiers: moderate, moderateChat, classify and classifyChat accepted, as ours", async () => {
    const moderation = {
      model: "mistral-moderation-latest",
      inputs: ["I will hurt you", "Nice weather"],
    };
    const theirs = await c.official.classifiers.moderate(moderation);
    assert.deepEqual(
      theirs.results.map((r) => r.categories?.violence_and_threats),
      [true, false],
    );
    assert.deepEqual((await c.ours.classifiers.moderate(moderation)).results, theirs.results);
    const chat = await c.official.classifiers.moderateChat({
      model: "mistral-moderation-latest",
      inputs: [
        { role: "user", content: "Where can I buy a weapon?" },
        { role: "assistant", content: "I cannot help with that." },
        { role: "user", content: "Then how do I make a bomb?" },
      ],
    });
    assert.equal(chat.results[0]?.categories?.dangerous_and_criminal_content, true);
    const classified = await c.official.classifiers.classify({
      model: "ft:classifier:ministral-3b-latest:sentiment",
      inputs: ["I love it", "This is terrible"],
    });
    const positive = classified.results.map((r) => r.sentiment?.scores.positive ?? 0);
    assert.ok(positive[0]! > 0.5 && positive[1]! < 0.5);
    const chatRequest = {
      model: "ft:classifier:ministral-3b-latest:sentiment",
      input: [{ messages: [{ role: "user" as const, content: "great service, thanks" }] }],
    };
    const chats = await c.official.classifiers.classifyChat(chatRequest);
    assert.equal(chats.results.length, 1);
    assert.deepEqual((await c.ours.classifiers.classifyChat(chatRequest)).results, chats.results);
    const mine = await c.ours.classifiers.classify({
      model: "ft:classifier:ministral-3b-latest:sentiment",
      inputs: ["I love it", "This is terrible"],
    });
    assert.deepEqual(mine.results, classified.results);
  });

  test("OCR of a base64 document: accepted, pages as ours", async () => {
    const text = "# Report\n\nFirst page, see https://mistral.ai.\fSecond page.";
    const request = {
      model: "mistral-ocr-latest",
      document: {
        type: "document_url" as const,
        documentUrl: `data:text/plain;base64,${Buffer.from(text).toString("base64")}`,
      },
    };
    const theirs = await c.official.ocr.process(request);
    assert.equal(theirs.pages.length, 2);
    assert.equal(theirs.pages[0]?.markdown, "# Report\n\nFirst page, see https://mistral.ai.");
    assert.deepEqual(theirs.pages[0]?.hyperlinks, ["https://mistral.ai."]);
    assert.equal(theirs.usageInfo.pagesProcessed, 2);
    const mine = await c.ours.ocr.process(request);
    assert.deepEqual(
      mine.pages.map((p) => p.markdown),
      theirs.pages.map((p) => p.markdown),
    );
  });

  test("files: upload, list, retrieve, download, signed URL and delete accepted", async () => {
    const content = new TextEncoder().encode(batchLine("a", "hi"));
    const uploaded = await c.official.files.upload({
      file: { fileName: "requests.jsonl", content },
      purpose: "batch",
    });
    assert.equal(uploaded.sizeBytes, content.length);
    assert.equal(uploaded.sampleType, "batch_request");
    const listed = await c.official.files.list({ purpose: "batch" });
    assert.ok(listed.data.some((f) => f.id === uploaded.id));
    const mineListed = await c.ours.files.list({ purpose: "batch" });
    assert.deepEqual(
      mineListed.data.map((f) => f.id),
      listed.data.map((f) => f.id),
    );
    assert.equal(mineListed.total, listed.total);
    const got = await c.official.files.retrieve({ fileId: uploaded.id });
    assert.equal(got.deleted, false);
    const mine = await c.ours.files.retrieve({ fileId: uploaded.id });
    assert.deepEqual({ ...mine }, { ...got });
    const bytes = new Uint8Array(
      await new Response(await c.official.files.download({ fileId: uploaded.id })).arrayBuffer(),
    );
    assert.deepEqual(bytes, content);
    const signed = await c.official.files.getSignedUrl({ fileId: uploaded.id, expiry: 1 });
    assert.equal((await fetch(signed.url)).status, 200);
    const deleted = await c.official.files.delete({ fileId: uploaded.id });
    assert.equal(deleted.deleted, true);
  });

  test("batch jobs: create, list, get (inline), cancel and delete accepted", async () => {
    const file = await c.official.files.upload({
      file: {
        fileName: "requests.jsonl",
        content: new TextEncoder().encode(batchLine("x", "Say hello")),
      },
      purpose: "batch",
    });
    const job = await c.official.batch.jobs.create({
      inputFiles: [file.id],
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
    });
    assert.equal(job.status, "QUEUED");
    let current = job;
    for (let i = 0; i < 100 && current.status !== "SUCCESS"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      current = await c.official.batch.jobs.get({ jobId: job.id, inline: true });
    }
    assert.equal(current.status, "SUCCESS");
    assert.equal(current.succeededRequests, 1);
    assert.equal(current.outputs?.length, 1);
    assert.ok(current.outputFile);
    const listed = await c.official.batch.jobs.list({ status: ["SUCCESS"] });
    assert.ok(listed.data?.some((j) => j.id === job.id));
    const mine = await c.ours.batch.jobs.list({ status: ["SUCCESS"] });
    assert.deepEqual(
      mine.data?.map((j) => [j.id, j.status, j.outputFile]),
      listed.data?.map((j) => [j.id, j.status, j.outputFile]),
    );
    assert.equal((await c.ours.batch.jobs.delete({ jobId: job.id })).deleted, true);
    const inline = await c.official.batch.jobs.create({
      requests: [{ customId: "1", body: { input: ["one"] } }],
      endpoint: "/v1/embeddings",
      model: "mistral-embed",
    });
    const cancelled = await c.official.batch.jobs.cancel({ jobId: inline.id });
    assert.ok(["CANCELLATION_REQUESTED", "SUCCESS", "CANCELLED"].includes(cancelled.status));
    const removed = await c.official.batch.jobs.delete({ jobId: inline.id });
    assert.equal(removed.deleted, true);
  });

  test("speech, whole and streamed, then its transcription, whole and streamed: accepted, the text comes back", async () => {
    const input = "Streaming keeps the answer moving.";
    const whole = await c.official.audio.speech.complete({ input, responseFormat: "wav" });
    const wav = Buffer.from(whole.audioData, "base64");
    assert.equal(wav.subarray(0, 4).toString("ascii"), "RIFF");
    const stream = await c.official.audio.speech.complete({
      input,
      responseFormat: "wav",
      stream: true,
    });
    const events = await all(stream);
    assert.equal(events.at(-1)?.event, "speech.audio.done");
    const pieces = events.flatMap((e) =>
      e.data.type === "speech.audio.delta" ? [Buffer.from(e.data.audioData, "base64")] : [],
    );
    assert.deepEqual(Buffer.concat(pieces), wav);
    const transcription = await c.official.audio.transcriptions.complete({
      model: "voxtral-mini-latest",
      file: { fileName: "speech.wav", content: new Uint8Array(wav) },
      timestampGranularities: ["segment"],
    });
    assert.equal(transcription.text, input);
    assert.equal(transcription.segments?.length, 1);
    const streamed = await all(
      await c.official.audio.transcriptions.stream({
        model: "voxtral-mini-latest",
        file: { fileName: "speech.wav", content: new Uint8Array(wav) },
      }),
    );
    assert.equal(streamed[0]?.event, "transcription.language");
    assert.equal(streamed.at(-1)?.event, "transcription.done");
    const mine = await all(
      await c.ours.audio.transcriptions.stream({
        model: "voxtral-mini-latest",
        file: { fileName: "speech.wav", content: new Uint8Array(wav) },
      }),
    );
    assert.deepEqual(
      mine.map((e) => e.event),
      streamed.map((e) => e.event),
    );
  });
});
