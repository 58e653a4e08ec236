// What the behaviour tests import instead of the core entry: the same
// exports, with the `Mistral` of the transport under test. `TEST_TRANSPORT=node`
// (set by scripts/run-tests.mjs for its second pass) gives the Node entry's
// client, which sends through node:http; otherwise the web build's, on fetch.
import { Mistral as WebMistral, MistralCore as WebMistralCore } from "../../src/core/index.js";
import { MistralCore as NodeMistralCore } from "../../src/node/core.js";
import { Mistral as NodeMistral } from "../../src/node/main.js";

export * from "../../src/core/index.js";

/** The transport the behaviour tests run on. */
const transportUnderTest: "node" | "fetch" =
  process.env.TEST_TRANSPORT === "node" ? "node" : "fetch";

/** The client of the transport under test. */
export const Mistral: typeof WebMistral = transportUnderTest === "node" ? NodeMistral : WebMistral;
/** The client of the transport under test. */
export type Mistral = WebMistral;
/** The function API's client of the transport under test. */
export const MistralCore: typeof WebMistralCore =
  transportUnderTest === "node" ? NodeMistralCore : WebMistralCore;
/** The function API's client of the transport under test. */
export type MistralCore = WebMistralCore;
