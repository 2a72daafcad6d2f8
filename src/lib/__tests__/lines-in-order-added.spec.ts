import { linesInOrderAdded } from "../lines-in-order-added"

describe("linesInOrderAdded", () => {
  it("orders lines by when they were added, then by id, whatever form the date takes", () => {
    const lines = [
      { id: "item_c", created_at: "2026-12-06T10:00:02.000Z" },
      { id: "item_b", created_at: new Date("2026-12-06T10:00:01.000Z") },
      { id: "item_a", created_at: "2026-12-06T10:00:02.000Z" },
    ]
    expect(linesInOrderAdded(lines).map((l) => l.id)).toEqual(["item_b", "item_a", "item_c"])
    // The input is left as it was.
    expect(lines.map((l) => l.id)).toEqual(["item_c", "item_b", "item_a"])
  })

  it("takes a missing list as empty", () => {
    expect(linesInOrderAdded(undefined)).toEqual([])
  })
})
