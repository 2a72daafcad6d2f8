import { orderTotalNote } from "../checkout/order-total-note"

describe("orderTotalNote", () => {
  it("says nothing without an order or when the totals agree", () => {
    expect(orderTotalNote(59.7, null)).toBeNull()
    expect(orderTotalNote(null, { total: 64.65, shipping_total: 4.95 })).toBeNull()
    expect(orderTotalNote(64.65, { total: 64.65, shipping_total: 4.95 })).toBeNull()
  })

  it("names delivery when the order adds exactly the delivery charged, despite float noise", () => {
    // 59.7 + 4.95 is 64.65000000000001 in floating point.
    expect(orderTotalNote(59.7, { total: 64.65, shipping_total: 4.95 })).toEqual({ order_total: 64.65, reason: "delivery", delivery: 4.95 })
  })

  it("says the cart changed when the difference is not the delivery", () => {
    expect(orderTotalNote(59.7, { total: 84.55, shipping_total: 4.95 })).toEqual({ order_total: 84.55, reason: "changed", delivery: 4.95 })
    expect(orderTotalNote(59.7, { total: 39.8, shipping_total: 0 })).toEqual({ order_total: 39.8, reason: "changed", delivery: 0 })
  })
})
