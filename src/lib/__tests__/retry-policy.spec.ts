import { backoffDelay, decideRetry } from "../outbound/retry-policy"

const options = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5, random: () => 1 }

describe("decideRetry", () => {
  it("retries throttling, server and network errors with growing delays", () => {
    expect(decideRetry({ status: 429, code: "130429" }, 1, options)).toEqual({ retry: true, delayMs: 1000, reason: "retryable error 130429" })
    expect(decideRetry({ status: 500, code: "131000" }, 3, options)).toMatchObject({ retry: true, delayMs: 4000 })
    expect(decideRetry({ status: 0, code: "network" }, 2, options)).toMatchObject({ retry: true, delayMs: 2000 })
  })

  it("waits 4^n seconds on the pair rate limit, as Meta advises", () => {
    expect(decideRetry({ status: 400, code: "131056" }, 2, options)).toMatchObject({ retry: true, delayMs: 16_000 })
  })

  it("never retries permanent errors, and gives up after maxAttempts", () => {
    for (const code of ["131047", "131026", "131049", "100", "132001"]) {
      expect(decideRetry({ status: 400, code }, 1, options).retry).toBe(false)
    }
    expect(decideRetry({ status: 500, code: "131047" }, 1, options).retry).toBe(false)
    expect(decideRetry({ status: 503, code: "503" }, 5, options)).toMatchObject({ retry: false })
  })

  it("keeps half the delay fixed and caps it", () => {
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(500)
    expect(backoffDelay(20, options)).toBe(60_000)
  })
})
