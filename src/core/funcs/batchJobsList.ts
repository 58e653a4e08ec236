/**
 * `client.batch.jobs.list()`: the batch jobs. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Jobs, type MistralCore, type Result, settle } from "../index.js";

type Call = Jobs["list"];

/** `client.batch.jobs.list()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function batchJobsList(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Jobs(core).list(...args));
}
