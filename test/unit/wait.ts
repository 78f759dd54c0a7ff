/** Waiting for an effect in tests, instead of sleeping a fixed time and hoping it came. */

/**
 * Resolves as soon as `cond()` holds (polled every few milliseconds), and rejects with `what`
 * after `ms`: a test that waits for something fails clearly when it never comes.
 */
export async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
