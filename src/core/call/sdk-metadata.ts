/**
 * What the official client exports as `SDK_METADATA`: the package's language,
 * version and `User-Agent`, for code that logs or reports them.
 *
 * @module
 */

import { version } from "../version.js";

/** The `User-Agent` this client sends unless told otherwise. */
export const defaultUserAgent = `mistral-stream/${version}`;

/** This package's metadata, in the shape of the official client's `SDK_METADATA`. */
export const SDK_METADATA = /* @__PURE__ */ metadata();

// Built by a call marked pure: an object holding computed strings would
// otherwise stay in every bundle, read or not.
function metadata() {
  return {
    language: "typescript",
    /** The version of the API description the types follow. */
    openapiDocVersion: "1.0.0",
    sdkVersion: version,
    /** What made the client: this package, at its version. */
    genVersion: `mistral-stream ${version}`,
    userAgent: defaultUserAgent,
  } as const;
}
