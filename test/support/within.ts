/**
 * What `call` settled with (its value or its error), or 'still waiting' after
 * `ms`: a guard that ends the test when a call hangs, so the assertion is on
 * what the call did, not on the test runner's timeout.
 */
export async function within(call: Promise<unknown>, ms: number): Promise<{ settled: unknown } | 'still waiting'> {
  let guard: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      call.then(
        (v) => ({ settled: v }),
        (e: unknown) => ({ settled: e }),
      ),
      new Promise<'still waiting'>((r) => {
        guard = setTimeout(() => r('still waiting'), ms);
      }),
    ]);
  } finally {
    clearTimeout(guard);
  }
}
