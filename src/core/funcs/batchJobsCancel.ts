/**
 * `client.batch.jobs.cancel()`: cancels a batch job. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Jobs, type MistralCore, type Result, settle } from "../index.js";

type Call = Jobs["cancel"];

/** `client.batch.jobs.cancel()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function batchJobsCancel(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Jobs(core).cancel(...args));
}
