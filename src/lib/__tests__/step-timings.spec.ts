import { stepTimings } from "../checkout/step-timings"

describe("stepTimings", () => {
  it("names how long each step took, on an injected clock", () => {
    let now = 1000
    const timings = stepTimings(() => now)
    now += 34
    timings.mark("load")
    now += 398.6
    timings.mark("address")
    timings.mark("options")
    expect(String(timings)).toBe("load 34ms, address 399ms, options 0ms")
    expect(timings.total()).toBeCloseTo(432.6)
  })
})
