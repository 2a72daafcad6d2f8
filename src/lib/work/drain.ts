/**
 * The one drain loop behind the work queue. Each kind is a lane with its
 * own claim, handler and bound on handler calls in flight; a nudge (an
 * event, the safety-net job, a booked retry coming due) makes a lane claim
 * what is due until it is full or nothing is left. Before every claim the
 * loop yields to pending I/O, so in a process that also takes webhooks the
 * acknowledgement of new POSTs never waits behind the answering of earlier
 * ones. Lanes are independent: a long catalog sync does not hold up replies.
 */
export type Lane<T> = {
  kind: string
  /** Items per handler call (a batch kind hands many to one call). */
  batch: number
  /** Handler calls in flight at once. */
  concurrency: number
  /** `sweep`: also give up items at the attempt cap (asked for on the periodic nudge, not on every claim). */
  claim(limit: number, sweep: boolean): Promise<T[]>
  /** Handles claimed items and records their outcomes; may name the earliest retry it booked. */
  run(items: T[]): Promise<{ retryInMs?: number | null } | void>
  /** After a partial batch, wait this long before the next claim, so the next batch is fuller. */
  coalesceMs?: number
}

type LaneState = {
  lane: Lane<any>
  pumping: boolean
  again: boolean
  inFlight: number
  /** The next claim also sweeps items at the attempt cap. */
  sweep: boolean
  wake: { at: number; timer: ReturnType<typeof setTimeout> } | null
}

/** Retries further away than this are left to the periodic nudge. */
const MAX_WAKE_MS = 60_000

export class WorkDrain {
  private readonly lanes = new Map<string, LaneState>()
  private stopped = false
  private idleWaiters: (() => void)[] = []

  constructor(
    lanes: Lane<any>[],
    private readonly onError: (kind: string, error: unknown) => void,
    private readonly now: () => number = Date.now
  ) {
    for (const lane of lanes) this.lanes.set(lane.kind, { lane, pumping: false, again: false, inFlight: 0, sweep: true, wake: null })
  }

  /**
   * Makes one lane look for due work (an event), or every lane (the periodic
   * nudge, whose first claim also sweeps items at the attempt cap). Never
   * throws; returns at once.
   */
  nudge(kind?: string) {
    if (this.stopped) return
    const states = kind ? [this.lanes.get(kind)].filter((s): s is LaneState => !!s) : [...this.lanes.values()]
    for (const state of states) {
      if (!kind) state.sweep = true
      void this.pump(state)
    }
  }

  /** Resolves true once no lane is claiming or running, or false after `timeoutMs`. */
  idle(timeoutMs = Infinity): Promise<boolean> {
    if (this.isIdle()) return Promise.resolve(true)
    return new Promise((resolve) => {
      const waiter = () => {
        if (timer) clearTimeout(timer)
        resolve(true)
      }
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            this.idleWaiters = this.idleWaiters.filter((w) => w !== waiter)
            resolve(false)
          }, timeoutMs)
        : null
      timer?.unref?.()
      this.idleWaiters.push(waiter)
    })
  }

  private heartbeat: ReturnType<typeof setInterval> | null = null

  /**
   * Nudges every lane each `everyMs` from this process's own clock. The
   * scheduled job does the same through Medusa's scheduler, but on Redis
   * that schedule lives in Redis: a Redis that loses its data loses it
   * until the workers restart. The heartbeat keeps the queue's retries and
   * expired leases moving without it. Idempotent.
   */
  keepTicking(everyMs: number) {
    if (this.heartbeat || this.stopped) return
    this.heartbeat = setInterval(() => this.nudge(), everyMs)
    this.heartbeat.unref?.()
  }

  /** Stops claiming; handlers already running finish. */
  stop() {
    this.stopped = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
    for (const state of this.lanes.values()) {
      if (state.wake) clearTimeout(state.wake.timer)
      state.wake = null
    }
  }

  /** Whether the lane can take another handler call now. */
  hasRoom(kind: string): boolean {
    const state = this.lanes.get(kind)
    return !!state && !this.stopped && state.inFlight < state.lane.concurrency
  }

  /**
   * Runs items claimed elsewhere (booked and claimed in one statement) with
   * the lane's handler, as if its own claim had returned them. Stopped, it
   * runs nothing: their leases run out and a drain claims them again.
   */
  adopt(kind: string, items: unknown[]) {
    const state = this.lanes.get(kind)
    if (!state || this.stopped) return
    for (let i = 0; i < items.length; i += state.lane.batch) this.start(state, items.slice(i, i + state.lane.batch))
  }

  private isIdle() {
    return [...this.lanes.values()].every((s) => !s.pumping && s.inFlight === 0)
  }

  private settle() {
    if (!this.isIdle()) return
    const waiters = this.idleWaiters.splice(0)
    waiters.forEach((resolve) => resolve())
  }

  private async pump(state: LaneState) {
    if (state.pumping) {
      state.again = true
      return
    }
    state.pumping = true
    const { lane } = state
    try {
      do {
        state.again = false
        while (!this.stopped && state.inFlight < lane.concurrency) {
          await new Promise((resolve) => setImmediate(resolve))
          const slots = lane.concurrency - state.inFlight
          const sweep = state.sweep
          state.sweep = false
          const items = await lane.claim(lane.batch * slots, sweep)
          if (!items.length) break
          for (let i = 0; i < items.length; i += lane.batch) this.start(state, items.slice(i, i + lane.batch))
          if (items.length < lane.batch * slots) break
        }
      } while (state.again && !this.stopped)
    } catch (error) {
      this.onError(lane.kind, error)
    } finally {
      state.pumping = false
      this.settle()
    }
  }

  private start(state: LaneState, items: unknown[]) {
    const { lane } = state
    state.inFlight++
    lane
      .run(items)
      .then(
        (result) => result?.retryInMs != null && this.wakeIn(state, result.retryInMs),
        (error) => this.onError(lane.kind, error)
      )
      .finally(() => {
        state.inFlight--
        const partial = items.length < lane.batch && lane.coalesceMs
        if (partial) setTimeout(() => this.pumpOrSettle(state), lane.coalesceMs).unref?.()
        else this.pumpOrSettle(state)
      })
  }

  private pumpOrSettle(state: LaneState) {
    if (this.stopped) return this.settle()
    void this.pump(state)
  }

  /** One timer per lane, at the earliest retry booked. */
  private wakeIn(state: LaneState, delayMs: number) {
    if (this.stopped || delayMs > MAX_WAKE_MS) return
    const at = this.now() + Math.max(0, delayMs) + 5
    if (state.wake && state.wake.at <= at) return
    if (state.wake) clearTimeout(state.wake.timer)
    const timer = setTimeout(() => {
      state.wake = null
      void this.pump(state)
    }, at - this.now())
    timer.unref?.()
    state.wake = { at, timer }
  }
}
