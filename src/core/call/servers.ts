/**
 * The API's regional servers, under the names the official client gives them,
 * and the server root a client's options select.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** The API's regional servers. */
export const ServerList = {
  global: "https://api.mistral.ai",
  eu: "https://api.eu.mistral.ai",
  us: "https://api.us.mistral.ai",
} as const;

/** The names of {@link ServerList}'s entries, as the official client exports them. */
export const ServerGlobal = "global";
/** See {@link ServerGlobal}. */
export const ServerEu = "eu";
/** See {@link ServerGlobal}. */
export const ServerUs = "us";

/** The root a client with `options` sends to: `serverURL` (normalized), else the `server`'s. */
export function resolveServerRoot(options: {
  readonly server?: string | undefined;
  readonly serverURL?: string | URL | undefined;
}): string {
  const server = options.server ?? ServerGlobal;
  if (!Object.hasOwn(ServerList, server)) {
    throw new InvalidRequestError(`server must be one of ${Object.keys(ServerList).join(", ")}`);
  }
  if (options.serverURL !== undefined) return normalizeServerURL(options.serverURL);
  return ServerList[server as keyof typeof ServerList];
}

/**
 * The server root of a client made with `options`, as a `URL`, as the
 * official client's function of that name gives it (here without a trailing
 * `/v1`, which the client ignores). Bad options throw {@link InvalidRequestError}.
 */
export function serverURLFromOptions(options: {
  readonly server?: string | undefined;
  readonly serverURL?: string | URL | undefined;
}): URL | null {
  return new URL(resolveServerRoot(options));
}

/** Turns a server URL into a root without trailing slash or `/v1`; refuses non-http(s) URLs. */
export function normalizeServerURL(value: unknown, name = "serverURL"): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidRequestError(`${name} is not a valid URL: ${JSON.stringify(String(value))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidRequestError(`${name} must be an http or https URL, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new InvalidRequestError(`${name} must not contain credentials; use apiKey`);
  }
  const path = url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
  return `${url.origin}${path}`;
}
