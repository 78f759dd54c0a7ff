/**
 * Under mutation testing (npm run mutate sets ANNALS_MUTATION), a property that fails has done its
 * job: fast-check stops at the first counterexample instead of shrinking it, which on an async
 * property can take longer than Stryker's timeout. Otherwise nothing changes.
 */
export const UNDER_MUTATION = process.env.ANNALS_MUTATION === '1';

/** fast-check parameters: `numRuns`, and no shrinking under mutation testing. */
export const runs = (numRuns: number) => ({ numRuns, endOnFailure: UNDER_MUTATION });
