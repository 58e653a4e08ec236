/**
 * `client.batch.jobs.get()`: one batch job. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Jobs, type MistralCore, type Result, settle } from "../index.js";

type Call = Jobs["get"];

/** `client.batch.jobs.get()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function batchJobsGet(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Jobs(core).get(...args));
}
