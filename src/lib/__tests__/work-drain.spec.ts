import { type Lane, WorkDrain } from "../work/drain"

/** A lane over an in-memory list: claims take from the front, runs finish when released. */
function fakeLane(kind: string, items: number[], opts: { batch?: number; concurrency?: number } = {}) {
  const due = [...items]
  const done: number[][] = []
  const release: (() => void)[] = []
  let inFlight = 0
  let maxInFlight = 0
  let claims = 0
  const lane: Lane<number> = {
    kind,
    batch: opts.batch ?? 1,
    concurrency: opts.concurrency ?? 2,
    claim: async (limit, _sweep) => {
      claims++
      return due.splice(0, limit)
    },
    run: (batch) =>
      new Promise((resolve) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        release.push(() => {
          inFlight--
          done.push(batch)
          resolve()
        })
      }),
  }
  return {
    lane,
    due,
    done,
    stats: () => ({ inFlight, maxInFlight, claims }),
    /** Releases every run in flight, repeatedly, until the lane is idle. */
    async finishAll(drain: WorkDrain) {
      for (;;) {
        await new Promise((r) => setImmediate(r))
        await new Promise((r) => setImmediate(r))
        const pending = release.splice(0)
        if (!pending.length && (await drain.idle(0))) return
        pending.forEach((r) => r())
      }
    },
  }
}

const tick = () => new Promise((r) => setImmediate(r))

describe("WorkDrain", () => {
  it("runs items claimed elsewhere (booked and claimed at once) with the lane's handler, says when the lane is full, and runs nothing once stopped", async () => {
    const a = fakeLane("a", [], { concurrency: 2 })
    const drain = new WorkDrain([a.lane], () => undefined)
    expect(drain.hasRoom("a")).toBe(true)
    drain.adopt("a", [7, 8])
    expect(a.stats().inFlight).toBe(2)
    expect(drain.hasRoom("a")).toBe(false)
    expect(drain.hasRoom("unknown")).toBe(false)
    await a.finishAll(drain)
    expect(a.done).toEqual([[7], [8]])
    expect(drain.hasRoom("a")).toBe(true)
    drain.stop()
    expect(drain.hasRoom("a")).toBe(false)
    drain.adopt("a", [9])
    expect(a.stats().inFlight).toBe(0)
  })

  it("keeps nudging every lane from its own clock once asked to, until stopped", async () => {
    jest.useFakeTimers({ doNotFake: ["setImmediate"] })
    try {
      const a = fakeLane("a", [], { concurrency: 1 })
      const drain = new WorkDrain([a.lane], () => undefined)
      drain.keepTicking(5_000)
      drain.keepTicking(5_000) // one heartbeat, however often asked
      a.due.push(1) // stored with no event to announce it
      jest.advanceTimersByTime(4_999)
      await tick()
      expect(a.stats().claims).toBe(0)
      jest.advanceTimersByTime(1)
      await a.finishAll(drain)
      expect(a.done).toEqual([[1]])
      const claims = a.stats().claims
      drain.stop()
      jest.advanceTimersByTime(60_000)
      await tick()
      expect(a.stats().claims).toBe(claims)
    } finally {
      jest.useRealTimers()
    }
  })

  it("never runs more handler calls of a lane at once than its concurrency, and handles every item once", async () => {
    const a = fakeLane("a", [1, 2, 3, 4, 5, 6, 7], { concurrency: 3 })
    const drain = new WorkDrain([a.lane], () => undefined)
    drain.nudge()
    await a.finishAll(drain)
    expect(a.stats().maxInFlight).toBe(3)
    expect(a.done.flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it("hands a batch lane's items to one call per batch", async () => {
    const b = fakeLane("b", Array.from({ length: 5 }, (_, i) => i), { batch: 2, concurrency: 1 })
    const drain = new WorkDrain([b.lane], () => undefined)
    drain.nudge()
    await b.finishAll(drain)
    expect(b.done).toEqual([[0, 1], [2, 3], [4]])
  })

  it("looks again when nudged while it is claiming, so work stored meanwhile is not left for the job", async () => {
    const c = fakeLane("c", [1], { concurrency: 4 })
    const drain = new WorkDrain([c.lane], () => undefined)
    drain.nudge()
    c.due.push(2) // stored after the first claim was decided
    drain.nudge()
    await c.finishAll(drain)
    expect(c.done.flat().sort()).toEqual([1, 2])
  })

  it("keeps lanes apart: a lane held by a long run does not stop another", async () => {
    const slow = fakeLane("slow", [1], { concurrency: 1 })
    const fast: number[] = []
    const drain = new WorkDrain(
      [slow.lane, { kind: "fast", batch: 1, concurrency: 1, claim: async (n, _sweep) => (fast.length ? [] : [42].slice(0, n)), run: async ([x]) => void fast.push(x) }],
      () => undefined
    )
    drain.nudge()
    for (let i = 0; i < 10; i++) await tick()
    expect(slow.stats().inFlight).toBe(1)
    expect(fast).toEqual([42])
    await slow.finishAll(drain)
  })

  it("reports a failing claim or handler and stays usable", async () => {
    const errors: string[] = []
    let fail = true
    const ran: number[] = []
    const lane: Lane<number> = {
      kind: "x",
      batch: 1,
      concurrency: 1,
      claim: async () => {
        if (fail) throw new Error("db down")
        fail = true
        return [7]
      },
      run: async ([x]) => {
        ran.push(x)
        throw new Error("handler broke")
      },
    }
    const drain = new WorkDrain([lane], (kind, e) => errors.push(`${kind}: ${(e as Error).message}`))
    drain.nudge()
    expect(await drain.idle()).toBe(true)
    fail = false
    drain.nudge()
    for (let i = 0; i < 10; i++) await tick()
    expect(await drain.idle()).toBe(true)
    expect(ran).toEqual([7])
    expect(errors).toEqual(["x: db down", "x: handler broke", "x: db down"])
  })

  it("sweeps items at the attempt cap on the periodic nudge only, not on every claim", async () => {
    const sweeps: boolean[] = []
    const lane: Lane<number> = { kind: "s", batch: 1, concurrency: 1, claim: async (_n, sweep) => (sweeps.push(sweep), []), run: async () => undefined }
    const drain = new WorkDrain([lane], () => undefined)
    drain.nudge("s") // the first claim of a process sweeps
    await drain.idle()
    drain.nudge("s") // an event
    await drain.idle()
    drain.nudge() // the job
    await drain.idle()
    expect(sweeps).toEqual([true, false, true])
  })

  it("idle(timeout) answers false while a run is still going, and a stopped drain claims nothing", async () => {
    const d = fakeLane("d", [1, 2], { concurrency: 1 })
    const drain = new WorkDrain([d.lane], () => undefined)
    drain.nudge()
    await tick()
    await tick()
    expect(await drain.idle(10)).toBe(false)
    drain.stop()
    await d.finishAll(drain)
    expect(d.done.flat()).toEqual([1])
    expect(d.due).toEqual([2])
  })
})
