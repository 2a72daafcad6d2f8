import type { RecoveryStep } from "../account-settings"

/** Skip reasons after which no later step is tried: the customer said no, or there is nothing left to pay. */
const FINAL_REASONS = new Set(["opted_out", "marketing_stopped", "cart_missing", "cart_empty"])

export function endsRecovery(reason: string): boolean {
  return FINAL_REASONS.has(reason)
}

/**
 * When each next step falls due, as a cut-off on the cart's send time: a
 * cart whose `done` steps are behind it is due for step `done + 1` when it
 * was sent at or before `cutoffs[done]`. One entry per configured step.
 */
export function stepCutoffs(steps: readonly RecoveryStep[], now: Date): Date[] {
  return steps.map((s) => new Date(now.getTime() - s.delay_minutes * 60_000))
}

export type DueStep = {
  /** 1-based step number to send now. */
  number: number
  step: RecoveryStep
  /** Earlier steps that fell due too (the job was down) and are passed over: one message, never a burst. */
  superseded: number[]
}

/**
 * The step a cart is due for now, given how many it has had (`done`) and
 * when its link was sent; null when none is due or all were had. When
 * several fell due at once only the latest is sent.
 */
export function dueRecoveryStep(steps: readonly RecoveryStep[], done: number, sentAt: Date, now: Date): DueStep | null {
  let due: number | null = null
  for (let n = done + 1; n <= steps.length; n++) {
    if (sentAt.getTime() + steps[n - 1].delay_minutes * 60_000 <= now.getTime()) due = n
  }
  if (due === null) return null
  const superseded: number[] = []
  for (let n = done + 1; n < due; n++) superseded.push(n)
  return { number: due, step: steps[due - 1], superseded }
}
