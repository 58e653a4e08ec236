/**
 * Node's own modules the transport needs, loaded on first use: importing the
 * package costs no `node:http` (~6 ms) nor `node:net` (~2 ms), and an app on
 * plain http never loads TLS (`node:https`) or the decompressors (`node:zlib`).
 *
 * They come from `process.getBuiltinModule()` (Node 20.16 and later), so that
 * the import does not load `node:module` either; on an older Node,
 * {@link builtinsReady} loads `createRequire` once, before the first request.
 *
 * @module
 */

type Require = (name: string) => unknown;

const getBuiltin = (process as { getBuiltinModule?: Require }).getBuiltinModule;
let require: Require | undefined =
  typeof getBuiltin === "function" ? (name) => getBuiltin.call(process, name) : undefined;
let loading: Promise<void> | undefined;

/**
 * `undefined` when the loaders can run now; else a promise that settles once
 * they can (the transport awaits it before its first request).
 */
export function builtinsReady(): Promise<void> | undefined {
  if (require) return undefined;
  loading ??= import("node:module").then(({ createRequire }) => {
    require = createRequire(import.meta.url);
  });
  return loading;
}

/** A loader of the module `name`, which requires it once, on the first call. */
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (!require) throw new Error("builtinsReady() was not awaited before the first request");
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
