import { WebhookRejectLimiter } from "../webhook-reject-limiter"

describe("WebhookRejectLimiter", () => {
  // rate-limiter-flexible reads Date.now and sets timers: Jest's clock drives both.
  beforeEach(() => jest.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }))
  afterEach(() => jest.useRealTimers())

  it("allows perIp failures per window and IP, refuses the next, and forgets after the window", async () => {
    const limiter = new WebhookRejectLimiter({ perIp: 3, windowSeconds: 60 })
    const results = []
    for (let i = 0; i < 5; i++) results.push(await limiter.recordFailure("10.0.0.1"))
    expect(results).toEqual([false, false, false, true, true])
    expect(await limiter.isBlocked("10.0.0.1")).toBe(true)
    expect(await limiter.isBlocked("10.0.0.2")).toBe(false)
    expect(await limiter.recordFailure("10.0.0.2")).toBe(false)
    expect(await limiter.retryAfterSeconds("10.0.0.1")).toBe(60)

    jest.advanceTimersByTime(59_000)
    expect(await limiter.isBlocked("10.0.0.1")).toBe(true)
    jest.advanceTimersByTime(1_001)
    expect(await limiter.isBlocked("10.0.0.1")).toBe(false)
    expect(await limiter.recordFailure("10.0.0.1")).toBe(false)
  })
})
