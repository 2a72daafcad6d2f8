/**
 * Generic cell rate algorithm (GCRA) as a reservation: each send books the
 * earliest slot the rate allows and moves the "theoretical arrival time"
 * (tat) on by one interval. `burst` lets that many sends go at once and
 * borrows from later, like Meta's pair limit. The same arithmetic runs in one
 * SQL UPDATE (module service) so every Medusa instance shares the schedule.
 */
export type Reservation = { sendAt: number; tat: number }

export function reserveSlot(now: number, tat: number | null, intervalMs: number, burst = 1): Reservation {
  const tolerance = (burst - 1) * intervalMs
  const current = tat ?? now
  const sendAt = Math.max(now, current - tolerance)
  return { sendAt, tat: Math.max(current, now) + intervalMs }
}

/** The largest number of events inside any half-open window [t, t + windowMs). */
export function maxInWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}
