/**
 * What a test group needs from the machine. On a developer's machine a
 * missing browser or runtime skips the group, saying why; in CI (`CI=true`)
 * the same absence fails a test that says which installer did not deliver, so
 * a CI run never passes by skipping.
 */
import { test } from "node:test";

/** Whether the suite runs in CI. */
export const inCI: boolean = process.env.CI === "true" || process.env.CI === "1";

/**
 * The `skip` option for a group whose requirement is unmet (`missing` says
 * what and how to install it), or `false` when it is met. In CI an unmet
 * requirement is not skipped: a failing test reports it instead.
 */
export function skipUnless(missing: string | false, group: string): string | false {
  if (missing === false) return false;
  if (!inCI) return missing;
  test(`CI has what "${group}" needs`, () => {
    throw new Error(`CI cannot run "${group}": ${missing}`);
  });
  return `${missing} (reported as a failure above)`;
}
