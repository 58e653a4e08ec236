/**
 * The public types: requests as callers write them, responses and stream
 * chunks as callers read them. camelCase, with the names of the official
 * `@mistralai/mistralai` SDK. Types only: this module has no runtime code.
 *
 * @module
 */

export type * from "./agents.js";
export type * from "./content.js";
export type * from "./fim.js";
export type * from "./free-form.js";
export type * from "./guardrails.js";
export type * from "./messages.js";
export type * from "./model-cards.js";
export type * from "./requests.js";
export type * from "./responses.js";
export type * from "./tools.js";
export type * from "./usage.js";
