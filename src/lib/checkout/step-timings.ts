/**
 * Durations of the named steps of one request, for a single log line that
 * says where the time went. The clock is injectable so tests need no timing.
 */
export function stepTimings(now: () => number = () => performance.now()) {
  let last = now()
  const steps: [string, number][] = []
  return {
    /** Closes the current step under `name`. */
    mark(name: string) {
      const t = now()
      steps.push([name, t - last])
      last = t
    },
    total: () => steps.reduce((sum, [, ms]) => sum + ms, 0),
    toString: () => steps.map(([name, ms]) => `${name} ${Math.round(ms)}ms`).join(", "),
  }
}
