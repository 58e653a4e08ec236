/**
 * `new Mistral(options)`: the entry point, as in `@mistralai/mistralai`.
 *
 * @module
 */

import { ApiCore } from "./call/api-core.js";
import type { SDKOptions } from "./call/options.js";
import { Agents } from "./resources/agents.js";
import { Audio } from "./resources/audio.js";
import { Batch } from "./resources/batch.js";
import { Beta } from "./resources/beta.js";
import { Chat } from "./resources/chat.js";
import { Classifiers } from "./resources/classifiers.js";
import { Embeddings } from "./resources/embeddings.js";
import { Files } from "./resources/files.js";
import { Fim } from "./resources/fim.js";
import { Models } from "./resources/models.js";
import { Ocr } from "./resources/ocr.js";

/**
 * The Mistral API client.
 *
 * ```ts
 * const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
 * await using stream = await client.chat.stream({ model: "mistral-small-latest", messages });
 * for await (const event of stream) process.stdout.write(event.data.choices[0]?.delta.content ?? "");
 * ```
 *
 * Options are validated here: a bad one throws `InvalidRequestError` at once.
 * The API key is held privately: it never appears in `JSON.stringify`,
 * `util.inspect` or an error message.
 */
export class Mistral {
  /** Chat completions. */
  readonly chat: Chat;
  /** Fill-in-the-middle code completions. */
  readonly fim: Fim;
  /** Agents completions. */
  readonly agents: Agents;
  /** The available models. */
  readonly models: Models;
  /** Beta APIs: `conversations` (the Conversations API) and `agents` (agents as entities). */
  readonly beta: Beta;

  readonly #core: ApiCore;
  #embeddings: Embeddings | undefined;
  #classifiers: Classifiers | undefined;
  #ocr: Ocr | undefined;
  #audio: Audio | undefined;
  #files: Files | undefined;
  #batch: Batch | undefined;

  constructor(options: SDKOptions = {}) {
    const core = ApiCore.fromOptions(options);
    this.#core = core;
    this.chat = new Chat(core);
    this.fim = new Fim(core);
    this.agents = new Agents(core);
    this.models = new Models(core);
    this.beta = new Beta(core);
  }

  /** Embeddings: vectors for texts. */
  get embeddings(): Embeddings {
    this.#embeddings ??= new Embeddings(this.#core);
    return this.#embeddings;
  }

  /** Moderation and classifiers. */
  get classifiers(): Classifiers {
    this.#classifiers ??= new Classifiers(this.#core);
    return this.#classifiers;
  }

  /** OCR: documents into markdown. */
  get ocr(): Ocr {
    this.#ocr ??= new Ocr(this.#core);
    return this.#ocr;
  }

  /** Audio: `transcriptions` (speech to text) and `speech` (text to speech). */
  get audio(): Audio {
    this.#audio ??= new Audio(this.#core);
    return this.#audio;
  }

  /** Files: upload, list, download, delete. */
  get files(): Files {
    this.#files ??= new Files(this.#core);
    return this.#files;
  }

  /** Batch jobs (`batch.jobs`). */
  get batch(): Batch {
    this.#batch ??= new Batch(this.#core);
    return this.#batch;
  }
}
