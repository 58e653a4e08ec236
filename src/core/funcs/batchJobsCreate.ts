/**
 * `client.batch.jobs.create()`: starts a batch job. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import type { MistralCore } from "../fp/core.js";
import { type Result, settle } from "../fp/result.js";
import { Jobs } from "../resources/batch.js";

type Call = Jobs["create"];

/** `client.batch.jobs.create()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function batchJobsCreate(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Jobs(core).create(...args));
}
