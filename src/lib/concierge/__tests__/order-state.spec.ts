import { orderState } from "../order-state"
import { orderStatusText } from "../concierge-texts"

describe("orderState", () => {
  const captured = { payment_collections: [{ payments: [{ captured_at: "2026-12-01" }] }] }
  it("says where an order stands, from its cancellation, fulfillments and payments", () => {
    expect(orderState({ payment_collections: [{ payments: [{ captured_at: null }] }] })).toBe("awaiting_payment")
    expect(orderState({})).toBe("awaiting_payment")
    expect(orderState(captured)).toBe("paid")
    expect(orderState({ ...captured, fulfillments: [{ shipped_at: "2026-12-02" }, { canceled_at: "2026-12-01" }] })).toBe("shipped")
    expect(orderState({ ...captured, fulfillments: [{ shipped_at: "2026-12-02", delivered_at: "2026-12-03" }] })).toBe("delivered")
    expect(orderState({ ...captured, status: "canceled" })).toBe("canceled")
    // A canceled payment does not count as paid.
    expect(orderState({ payment_collections: [{ payments: [{ captured_at: "x", canceled_at: "y" }] }] })).toBe("awaiting_payment")
  })

  it("puts it in words per language", () => {
    expect(orderStatusText("en", { display_id: 7, state: "shipped" })).toBe("Your latest order #7 is on its way.")
    expect(orderStatusText("es", { display_id: 7, state: "awaiting_payment" })).toBe("Tu último pedido #7 está pendiente de pago.")
    expect(orderStatusText("pt", { display_id: 7, state: "delivered" })).toBe("Seu último pedido #7 já foi entregue.")
  })
})
