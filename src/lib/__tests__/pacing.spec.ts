import { maxInWindow, reserveSlot } from "../outbound/pacing"

describe("reserveSlot (GCRA)", () => {
  it("spaces sends one interval apart at the configured rate", () => {
    let tat: number | null = null
    const sends: number[] = []
    for (let i = 0; i < 200; i++) {
      const slot = reserveSlot(0, tat, 1000 / 80)
      tat = slot.tat
      sends.push(slot.sendAt)
    }
    expect(maxInWindow(sends, 1000)).toBe(80)
    expect(sends[199]).toBeCloseTo(199 * 12.5)
  })

  it("lets a burst go at once and then paces, like Meta's pair limit", () => {
    let tat: number | null = null
    const sends: number[] = []
    for (let i = 0; i < 50; i++) {
      const slot = reserveSlot(0, tat, 6000, 45)
      tat = slot.tat
      sends.push(slot.sendAt)
    }
    expect(sends.slice(0, 45).every((t) => t === 0)).toBe(true)
    expect(sends[45]).toBe(6000)
    expect(sends[49]).toBe(30000)
  })

  it("does not save up idle time beyond the burst", () => {
    const first = reserveSlot(0, null, 100)
    const later = reserveSlot(10_000, first.tat, 100)
    expect(later.sendAt).toBe(10_000)
    expect(later.tat).toBe(10_100)
  })
})

describe("maxInWindow", () => {
  it("counts the busiest half-open window", () => {
    expect(maxInWindow([0, 500, 999, 1000, 1500], 1000)).toBe(3)
    expect(maxInWindow([], 1000)).toBe(0)
  })
})
