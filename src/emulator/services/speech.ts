/**
 * Speech audio the emulator makes and reads back: a short tone per word
 * (16-bit mono PCM at 24 kHz), as raw PCM, as WAV, or as MP3 (silent
 * frames). The spoken text travels inside WAV and MP3 files (a RIFF `ICMT`
 * comment, an ID3 title), so transcribing the emulator's own speech gives
 * the text back: a speech-to-text-to-speech round trip works offline.
 *
 * @module
 */
import { hashString } from "../prng.js";

/** Samples per second of the PCM the emulator speaks. */
export const sampleRate = 24_000;

/** The formats the emulator encodes. */
export const speechFormats = ["pcm", "wav", "mp3"];

/** 16-bit PCM of `text`: a tone per word, a pause between words. */
export function speakPcm(text: string): Buffer {
  const words = text.split(/\s+/).filter(Boolean);
  const wordSamples = Math.round(sampleRate * 0.3);
  const gapSamples = Math.round(sampleRate * 0.06);
  const pcm = Buffer.alloc((words.length * (wordSamples + gapSamples) + gapSamples) * 2);
  let at = gapSamples;
  for (const word of words) {
    const frequency = 160 + (hashString(word) % 120);
    for (let i = 0; i < wordSamples; i++) {
      const envelope = Math.sin((Math.PI * i) / wordSamples);
      const sample = Math.sin((2 * Math.PI * frequency * i) / sampleRate) * envelope * 0.3;
      pcm.writeInt16LE(Math.round(sample * 32767), (at + i) * 2);
    }
    at += wordSamples + gapSamples;
  }
  return pcm;
}

/** A RIFF chunk. */
function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, "ascii");
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A WAV file of `pcm`, with `text` as its comment. */
export function wavOf(pcm: Buffer, text: string): Buffer {
  const format = Buffer.alloc(16);
  format.writeUInt16LE(1, 0); // PCM
  format.writeUInt16LE(1, 2); // mono
  format.writeUInt32LE(sampleRate, 4);
  format.writeUInt32LE(sampleRate * 2, 8);
  format.writeUInt16LE(2, 12);
  format.writeUInt16LE(16, 14);
  const info = chunk(
    "LIST",
    Buffer.concat([Buffer.from("INFO"), chunk("ICMT", Buffer.from(`${text}\0`))]),
  );
  const body = Buffer.concat([
    Buffer.from("WAVE"),
    chunk("fmt ", format),
    info,
    chunk("data", pcm),
  ]);
  return chunk("RIFF", body);
}

const syncsafe = (n: number) =>
  Buffer.from([(n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127]);

/** An MP3 of `seconds` of silence (MPEG-1 layer III, 128 kb/s, 44.1 kHz), titled `text` (ID3v2.4). */
export function mp3Of(seconds: number, text: string): Buffer {
  const title = Buffer.concat([Buffer.from([3]), Buffer.from(text)]);
  const frame = Buffer.concat([
    Buffer.from("TIT2"),
    syncsafe(title.length),
    Buffer.from([0, 0]),
    title,
  ]);
  const tag = Buffer.concat([
    Buffer.from("ID3"),
    Buffer.from([4, 0, 0]),
    syncsafe(frame.length),
    frame,
  ]);
  // Each frame holds 1152 samples; its side information all zero decodes to silence.
  const count = Math.max(1, Math.ceil((seconds * 44_100) / 1152));
  const silent = Buffer.alloc(417);
  silent.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([tag, ...Array.from({ length: count }, () => silent)]);
}

/** `text` spoken in `format` (one of {@link speechFormats}). */
export function speak(text: string, format: string): Buffer {
  const pcm = speakPcm(text);
  if (format === "pcm") return pcm;
  if (format === "wav") return wavOf(pcm, text);
  return mp3Of(pcm.length / 2 / sampleRate, text);
}

/** What the emulator can tell of an audio file: its length, and the text it carries if it made it. */
export function readAudio(bytes: Buffer): { seconds: number; text: string | undefined } {
  if (bytes.subarray(0, 4).toString("ascii") === "RIFF") return readWav(bytes);
  if (bytes.subarray(0, 3).toString("ascii") === "ID3") {
    const size =
      ((bytes[6]! & 127) << 21) |
      ((bytes[7]! & 127) << 14) |
      ((bytes[8]! & 127) << 7) |
      (bytes[9]! & 127);
    const frames = Math.floor((bytes.length - 10 - size) / 417);
    const at = bytes.indexOf("TIT2", 10);
    const length =
      at > 0
        ? ((bytes[at + 4]! & 127) << 21) |
          ((bytes[at + 5]! & 127) << 14) |
          ((bytes[at + 6]! & 127) << 7) |
          (bytes[at + 7]! & 127)
        : 0;
    const text =
      at > 0 && at < 10 + size
        ? bytes.subarray(at + 11, at + 10 + length).toString("utf8")
        : undefined;
    return { seconds: (frames * 1152) / 44_100, text };
  }
  // Unknown audio: about as long as 128 kb/s would make it.
  return { seconds: bytes.length / 16_000, text: undefined };
}

function readWav(bytes: Buffer): { seconds: number; text: string | undefined } {
  let byteRate = sampleRate * 2;
  let seconds = 0;
  let text: string | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.subarray(at, at + 4).toString("ascii");
    const size = bytes.readUInt32LE(at + 4);
    if (id === "fmt " && size >= 12) byteRate = bytes.readUInt32LE(at + 16) || byteRate;
    if (id === "data") seconds = Math.min(size, bytes.length - at - 8) / byteRate;
    if (id === "LIST") {
      const icmt = bytes.indexOf("ICMT", at);
      if (icmt > 0 && icmt < at + 8 + size) {
        const length = bytes.readUInt32LE(icmt + 4);
        text = bytes
          .subarray(icmt + 8, icmt + 8 + length)
          .toString("utf8")
          .replace(/\0+$/, "");
      }
    }
    at += 8 + size + (size % 2);
  }
  return { seconds, text };
}
