/**
 * Node's own modules the transport needs, loaded on first use: importing the
 * package costs no `node:http` (~6 ms) nor `node:net` (~2 ms), and an app on plain http never loads
 * TLS (`node:https`) or the decompressors (`node:zlib`).
 *
 * @module
 */

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let http: typeof import("node:http") | undefined;
let https: typeof import("node:https") | undefined;
let zlib: typeof import("node:zlib") | undefined;
let net: typeof import("node:net") | undefined;

/** `node:http`. */
export function loadHttp(): typeof import("node:http") {
  http ??= require("node:http") as typeof import("node:http");
  return http;
}

/** `node:https`. */
export function loadHttps(): typeof import("node:https") {
  https ??= require("node:https") as typeof import("node:https");
  return https;
}

/** `node:zlib`. */
export function loadZlib(): typeof import("node:zlib") {
  zlib ??= require("node:zlib") as typeof import("node:zlib");
  return zlib;
}

/** `node:net` (loaded with `node:http` anyway; not at import, where it costs ~2 ms). */
export function loadNet(): typeof import("node:net") {
  net ??= require("node:net") as typeof import("node:net");
  return net;
}
