// The recorded bodies of embeddings, moderation, OCR, transcription and batch
// output (test/fixtures/PROVENANCE.md) served byte for byte from a loopback
// server: each decodes to the official client's camelCase shape, the request
// this client sends matches the recorded one, the recorded errors become
// typed errors, and a transcription stream (written from the spec's shapes
// around the docs' done event) gives its events, text and final response in
// any chunking.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import {
  BadRequestError,
  HTTPValidationError,
  IncompleteStreamError,
  MalformedChunkError,
  Mistral,
  StreamServerError,
} from "../../helpers/sdk.js";
import {
  seededRandom,
  splitRandomly,
  sseHeaders,
  startTestServer,
  type TestServer,
  writePieces,
} from "../../helpers/test-server.js";

const fixture = (dir: string, name: string) => readFileSync(fixturePath("mistral", dir, name));
const json = (dir: string, name: string) => JSON.parse(fixture(dir, name).toString("utf8"));

/** Answers every request with `body` (JSON unless a content type is given). */
function answer(server: TestServer, status: number, body: Uint8Array, type = "application/json") {
  server.setHandler((_req, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  });
}

describe("recorded embeddings, moderation, OCR, audio and batch bodies", () => {
  let server: TestServer;
  let client: Mistral;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.end();
    });
    client = new Mistral({
      apiKey: "test-key",
      serverURL: server.url,
      retryConfig: { strategy: "none" },
    });
  });
  after(() => server.close());

  test("embeddings: the request is the recorded one and the raw body decodes", async () => {
    answer(
      server,
      200,
      fixture("misc", "openllmetry.2025-09.embeddings-mistral-embed.response.json"),
    );
    const res = await client.embeddings.create({
      model: "mistral-embed",
      inputs: "Tell me a joke about OpenTelemetry",
    });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.url, "/v1/embeddings");
    assert.deepEqual(
      JSON.parse(sent.body),
      json("misc", "openllmetry.2025-09.embeddings-mistral-embed.request.json"),
    );
    assert.equal(res.object, "list");
    assert.equal(res.data.length, 1);
    assert.equal(res.data[0]?.embedding?.length, 1024);
    assert.equal(res.data[0]?.index, 0);
    assert.equal(res.usage.promptTokens, 10);
    assert.equal(res.usage.totalTokens, 10);
  });

  test("embeddings with outputDimension: the request is the recorded one, three 64-float vectors", async () => {
    answer(server, 200, fixture("misc", "rig.2026.embeddings-codestral-embed-dim64.response.json"));
    const recorded = json("misc", "rig.2026.embeddings-codestral-embed-dim64.request.json");
    const res = await client.embeddings.create({
      model: "codestral-embed",
      inputs: recorded.input,
      outputDimension: 64,
    });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body), recorded);
    assert.deepEqual(
      res.data.map((d) => [d.index, d.embedding?.length]),
      [
        [0, 64],
        [1, 64],
        [2, 64],
      ],
    );
    assert.equal(res.model, "codestral-embed");
  });

  test("the recorded embeddings errors are typed, with their bodies", async () => {
    answer(
      server,
      400,
      fixture("misc", "rig.2026.embeddings-error-400-invalid-model.response.json"),
    );
    const invalid = await client.embeddings
      .create({ model: "no-such-embedding-model", inputs: ["a"] })
      .catch((e: unknown) => e);
    assert.ok(invalid instanceof BadRequestError);
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.message, /Invalid model: no-such-embedding-model/);
    answer(
      server,
      400,
      fixture("errors", "rig.2026.error-400-embeddings-too-many-inputs.response.json"),
    );
    const many = await client.embeddings
      .create({
        model: "mistral-embed",
        inputs: Array.from({ length: 257 }, (_, i) => `document ${i}`),
      })
      .catch((e: unknown) => e);
    assert.ok(many instanceof BadRequestError);
    assert.match(many.message, /Too many inputs/);
    assert.match(many.body, /"code":"3210"/);
  });

  test("moderation: category maps keep the API's names", async () => {
    answer(server, 200, fixture("misc", "docs.2026.moderation-raw-text.response.json"));
    const res = await client.classifiers.moderate({
      model: "mistral-moderation-2603",
      inputs: ["a", "b"],
    });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body), {
      model: "mistral-moderation-2603",
      input: ["a", "b"],
    });
    assert.equal(res.results.length, 2);
    const first = res.results[0]!;
    assert.equal(Object.keys(first.categoryScores ?? {}).length, 9);
    assert.ok("hate_and_discrimination" in (first.categories ?? {}));
    assert.equal(typeof first.categoryScores?.violence_and_threats, "number");
  });

  test("chat moderation: the messages are sent in wire form and the verdict decodes", async () => {
    answer(server, 200, fixture("misc", "docs.2026.chat-moderation.response.json"));
    const res = await client.classifiers.moderateChat({
      model: "mistral-moderation-2603",
      inputs: [
        { role: "user", content: "How do I pick a lock?" },
        { role: "assistant", content: "I can't help with that.", toolCalls: null },
      ],
    });
    const sent = JSON.parse(server.requests.at(-1)!.body);
    assert.equal(server.requests.at(-1)!.url, "/v1/chat/moderations");
    assert.deepEqual(sent.input[1], {
      role: "assistant",
      content: "I can't help with that.",
      tool_calls: null,
    });
    assert.equal(res.results.length, 1);
    assert.ok((res.results[0]?.categoryScores?.dangerous_and_criminal_content ?? 0) > 0.9);
  });

  test("OCR: pages, images with their boxes, usage", async () => {
    answer(server, 200, fixture("misc", "docs.2026.ocr-elided.response.json"));
    const res = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "document_url", documentUrl: "https://arxiv.org/pdf/2201.04234" },
      includeImageBase64: true,
    });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body), {
      model: "mistral-ocr-latest",
      document: { type: "document_url", document_url: "https://arxiv.org/pdf/2201.04234" },
      include_image_base64: true,
    });
    assert.equal(res.pages.length, 4);
    assert.equal(res.usageInfo.pagesProcessed, 29);
    assert.equal(res.usageInfo.docSizeBytes, 3002783);
    assert.equal(res.documentAnnotation, null);
    const image = res.pages.flatMap((p) => p.images)[0]!;
    assert.deepEqual([image.id, image.topLeftX, image.bottomRightY], ["img-0.jpeg", 294, 635]);
    assert.equal(image.imageAnnotation, null);
    assert.deepEqual(res.pages[0]?.dimensions && Object.keys(res.pages[0].dimensions), [
      "dpi",
      "height",
      "width",
    ]);
    assert.match(res.pages[0]!.markdown, /^# Leveraging Unlabeled Data/);
  });

  for (const name of [
    "rig.2026-08.transcription-voxtral-mini.response.json",
    "rig.2026-08.transcription-timestamp-segments.response.json",
    "vercel-ai.2026-07.transcription-diarized-segments.response.json",
    "docs.2025-07.transcription-segments.response.json",
  ]) {
    test(`transcription ${name.split(".")[2]}: text, segments, usage and the keys this client does not type`, async () => {
      const wire = json("audio", name);
      answer(server, 200, fixture("audio", name));
      const res = await client.audio.transcriptions.complete({
        model: "voxtral-mini-latest",
        fileUrl: "https://example.com/a.mp3",
      });
      assert.equal(res.text, wire.text);
      assert.equal(res.language, wire.language);
      assert.equal(res.segments?.length, wire.segments.length);
      for (const [i, s] of (res.segments ?? []).entries()) {
        assert.equal(s.text, wire.segments[i].text);
        assert.equal(s.start, wire.segments[i].start);
        assert.equal(s.speakerId ?? null, wire.segments[i].speaker_id ?? null);
      }
      assert.equal(res.usage.promptAudioSeconds, wire.usage.prompt_audio_seconds);
      if ("finish_reason" in wire) assert.equal(res.finish_reason, null);
    });
  }

  test("the recorded transcription errors are typed", async () => {
    answer(
      server,
      422,
      fixture("audio", "rig.2026-08.transcription-error-422-granularities-array.response.json"),
    );
    const bad = await client.audio.transcriptions
      .complete({
        model: "voxtral-mini-latest",
        fileUrl: "https://e.x/a.mp3",
        timestampGranularities: ['["segment"]'],
      })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof HTTPValidationError);
    assert.match(bad.message, /segment' or 'word/);
    answer(
      server,
      400,
      fixture(
        "audio",
        "rig.2026-08.transcription-error-400-not-a-transcription-model.response.json",
      ),
    );
    const model = await client.audio.transcriptions
      .complete({ model: "voxtral-small-latest", fileUrl: "https://e.x/a.mp3" })
      .catch((e: unknown) => e);
    assert.ok(model instanceof BadRequestError);
    assert.match(model.message, /Invalid model: voxtral-small-latest/);
  });

  test("a transcription is sent as multipart: fields by their wire names, arrays repeated, the file as a file", async () => {
    answer(
      server,
      200,
      fixture("audio", "rig.2026-08.transcription-timestamp-segments.response.json"),
    );
    await client.audio.transcriptions.complete({
      model: "voxtral-mini-latest",
      file: { fileName: 'clip "one".txt', content: new TextEncoder().encode("not really audio") },
      language: "en",
      temperature: 0,
      timestampGranularities: ["segment", "word"],
      contextBias: ["Mistral", "Voxtral"],
    });
    const sent = server.requests.at(-1)!;
    const type = String(sent.headers["content-type"]);
    assert.match(type, /^multipart\/form-data; boundary=/);
    const form = await new Response(sent.body, { headers: { "content-type": type } }).formData();
    assert.equal(form.get("model"), "voxtral-mini-latest");
    assert.equal(form.get("language"), "en");
    assert.equal(form.get("temperature"), "0");
    assert.equal(form.get("stream"), "false");
    assert.deepEqual(form.getAll("timestamp_granularities"), ["segment", "word"]);
    assert.deepEqual(form.getAll("context_bias"), ["Mistral", "Voxtral"]);
    const file = form.get("file") as File;
    assert.equal(await file.text(), "not really audio");
    // Sent as `clip %22one%22.txt` (a quote cannot end the header parameter); read back whole.
    assert.equal(file.name, 'clip "one".txt');
  });

  test("the batch output file downloads byte for byte", async () => {
    const bytes = fixture("misc", "docs.2025-10.batch-results.jsonl");
    answer(server, 200, bytes, "application/octet-stream");
    const stream = await client.files.download({ fileId: "f0000000-0000-4000-8000-000000000000" });
    const got = Buffer.from(await new Response(stream).arrayBuffer());
    assert.deepEqual(got, bytes);
    assert.equal(
      server.requests.at(-1)!.url,
      "/v1/files/f0000000-0000-4000-8000-000000000000/content",
    );
    const lines = got
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.ok(lines.every((l) => l.response.status_code === 200 && l.custom_id !== undefined));
  });
});

/** A named SSE event, as the API frames them. */
const frame = (data: Record<string, unknown>) =>
  `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;

const done = json("audio", "docs.2026.transcription-diarize-done-event.response.json");
const firstSegment = done.segments[0];
const transcriptionStream = [
  frame({ type: "transcription.language", audio_language: "en" }),
  frame({ type: "transcription.text.delta", text: " This week," }),
  frame({ type: "transcription.text.delta", text: " I traveled" }),
  frame({ ...firstSegment, type: "transcription.segment" }),
  frame({ type: "transcription.future_event", value: 1 }),
  frame(done),
].join("");

describe("a transcription stream from the spec's shapes around the docs' done event", () => {
  let server: TestServer;
  let client: Mistral;
  let body = "";
  before(async () => {
    server = await startTestServer(async (_req, res) => {
      res.writeHead(200, sseHeaders);
      await writePieces(res, splitRandomly(Buffer.from(body), 7, seededRandom(body.length)));
      res.end();
    });
    client = new Mistral({
      apiKey: "test-key",
      serverURL: server.url,
      retryConfig: { strategy: "none" },
    });
  });
  after(() => server.close());
  const open = () =>
    client.audio.transcriptions.stream({
      model: "voxtral-mini-latest",
      fileUrl: "https://e.x/a.mp3",
    });

  test("gives every event in order, the unknown one untouched, and ends at transcription.done", async () => {
    body = transcriptionStream;
    const events = [];
    for await (const event of await open()) events.push(event);
    assert.deepEqual(
      events.map((e) => e.event),
      [
        "transcription.language",
        "transcription.text.delta",
        "transcription.text.delta",
        "transcription.segment",
        "transcription.future_event",
        "transcription.done",
      ],
    );
    const language = events[0]!.data;
    assert.ok(language.type === "transcription.language" && language.audioLanguage === "en");
    const segment = events[3]!.data;
    assert.ok(segment.type === "transcription.segment" && segment.speakerId === "speaker_1");
    const unknown = events[4]!.data;
    assert.ok(unknown.type === "UNKNOWN" && (unknown.raw as { value: number }).value === 1);
    assert.equal(server.requests.at(-1)!.headers.accept, "text/event-stream");
  });

  test("finalResponse() is the done event's transcription; textStream() the deltas", async () => {
    body = transcriptionStream;
    const final = await (await open()).finalResponse();
    assert.equal(final.text, done.text);
    assert.equal(final.segments?.length, done.segments.length);
    assert.equal(final.usage.promptAudioSeconds, 203);
    assert.equal("type" in final, false);
    let text = "";
    for await (const piece of (await open()).textStream()) text += piece;
    assert.equal(text, " This week, I traveled");
  });

  test("a body that ends before transcription.done is an IncompleteStreamError, with the text so far", async () => {
    body = transcriptionStream.slice(
      0,
      transcriptionStream.lastIndexOf("event: transcription.done"),
    );
    const error = await (await open()).finalResponse().catch((e: unknown) => e);
    assert.ok(error instanceof IncompleteStreamError);
    assert.match(error.message, /`transcription\.done`/);
    assert.equal(error.partial?.text, " This week, I traveled");
  });

  test("an error event fails the stream after the events before it", async () => {
    body = `${transcriptionStream.slice(0, transcriptionStream.indexOf("event: transcription.segment"))}event: error\ndata: {"type":"error","error":{"message":"audio decoding failed","code":3001}}\n\n`;
    const stream = await open();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event.event);
    })().catch((e: unknown) => e);
    assert.ok(error instanceof StreamServerError);
    assert.match(error.message, /audio decoding failed \(code 3001\)/);
    assert.equal(seen.length, 3);
  });

  test("a speech delta whose audio is not base64 is a MalformedChunkError", async () => {
    body = frame({ type: "speech.audio.delta", audio_data: "%%%not base64%%%" });
    const stream = await client.audio.speech.complete({ input: "hi", stream: true });
    const error = await stream.finalResponse().catch((e: unknown) => e);
    assert.ok(error instanceof MalformedChunkError);
  });
});
