/**
 * Transcripts: the text an audio file carries (the emulator's own speech),
 * or sentences chosen from the audio's bytes, as many as its length could
 * hold; timed sentence by sentence over the audio's length.
 *
 * @module
 */
import { bodySentences } from "../answers/corpus.js";
import { createRng, hashString } from "../prng.js";
import { readAudio } from "./speech.js";

/** A timed sentence. */
export interface Segment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** What was said, when, and how long the audio is. */
export interface Transcript {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly seconds: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Sentences about as long as `seconds` of speech (2.5 words a second), chosen by `seed`. */
function inventSpeech(seconds: number, seed: string): string {
  const rng = createRng(hashString(seed));
  const wanted = Math.max(4, Math.round(seconds * 2.5));
  const out: string[] = [];
  let words = 0;
  while (words < wanted) {
    const sentence = rng.pick(bodySentences).replace(/\{topic\}/g, "this");
    out.push(sentence);
    words += sentence.split(" ").length;
  }
  return out.join(" ");
}

/** The transcript of `audio` (bytes), or of audio known only by `reference` (a URL, a file id). */
export function transcribe(audio: Buffer | undefined, reference: string): Transcript {
  const read = audio ? readAudio(audio) : { seconds: 8, text: undefined };
  const seconds = Math.max(read.seconds, 0.5);
  const text = (
    read.text ?? inventSpeech(seconds, audio ? audio.toString("base64", 0, 4096) : reference)
  ).trim();
  const sentences = text
    .match(/[^.!?]+[.!?]*/g)
    ?.map((s) => s.trim())
    .filter(Boolean) ?? [text];
  const total = sentences.reduce((n, s) => n + s.length, 0) || 1;
  const start = Math.min(0.2, seconds / 10);
  const span = seconds - start * 2;
  let at = start;
  const segments = sentences.map((sentence) => {
    const length = (span * sentence.length) / total;
    const segment = { text: sentence, start: round(at), end: round(at + length) };
    at += length;
    return segment;
  });
  return { text, segments, seconds };
}
