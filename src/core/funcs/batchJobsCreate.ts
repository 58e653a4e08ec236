/**
 * `client.batch.jobs.create()`: starts a batch job. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Jobs, type MistralCore, type Result, settle } from "../index.js";

type Call = Jobs["create"];

/** `client.batch.jobs.create()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function batchJobsCreate(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Jobs(core).create(...args));
}
