/**
 * The calls of embeddings, classifiers, OCR, audio, files and batch, loaded
 * together with the first one (the resources in `resources/` reach them only
 * through `import()`), so an app that only chats does not carry them. One
 * chunk rather than one per resource: chunks of their own would split the
 * codec they share with the chat code into more files an app loads at start.
 *
 * @module
 */

export { audioCalls } from "./audio.js";
export { batchCalls } from "./batch.js";
export { classifierCalls, embeddingCalls } from "./embeddings.js";
export { fileCalls } from "./files.js";
export { ocrCalls } from "./ocr.js";
