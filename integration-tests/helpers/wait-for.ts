/**
 * Polls `check` until it returns something truthy, with a generous deadline:
 * tests wait for a condition, never for a number of milliseconds, so a busy
 * machine makes them slower, not red. Errors thrown by `check` count as "not yet"
 * and the last one is reported on timeout. No Medusa imports: unit specs use it too.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, { timeoutMs = 30_000, intervalMs = 100, what = "condition" } = {}): Promise<T> {
  const started = Date.now()
  let last: unknown
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ""}`)
}
