/**
 * The API's regional servers, under the names the official client gives them.
 *
 * @module
 */

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
