/**
 * Node's own modules the transport needs, loaded on first use: importing the
 * package costs no `node:http` (~6 ms) nor `node:net` (~2 ms), and an app on
 * plain http never loads TLS (`node:https`) or the decompressors (`node:zlib`).
 *
 * @module
 */

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A loader of the module `name`, which requires it once, on the first call. */
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

/** `node:http`. */
export const loadHttp = lazy<typeof import("node:http")>("node:http");
/** `node:https`. */
export const loadHttps = lazy<typeof import("node:https")>("node:https");
/** `node:zlib`. */
export const loadZlib = lazy<typeof import("node:zlib")>("node:zlib");
/** `node:net` (loaded with `node:http` anyway). */
export const loadNet = lazy<typeof import("node:net")>("node:net");
