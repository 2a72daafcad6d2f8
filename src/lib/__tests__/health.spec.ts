import { GraphApiError } from "../graph-api/errors"
import { healthLines } from "../graph-api/health"

const ok = <T>(value: T) => ({ status: "fulfilled" as const, value })
const failed = (reason: unknown) => ({ status: "rejected" as const, reason })

describe("healthLines", () => {
  it("is green when Meta has everything right", () => {
    const lines = healthLines({
      phone: ok({ id: "1", display_phone_number: "+34 600", verified_name: "Moda", quality_rating: "GREEN", name_status: "APPROVED", messaging_limit_tier: "TIER_1K" }),
      subscriptions: ok({ data: [{ whatsapp_business_api_data: { id: "app", name: "Tienda" } }] }),
      commerce: ok({ data: [{ is_cart_enabled: true, is_catalog_visible: true }] }),
      catalog: ok({ id: "9", name: "Moda", product_count: 249 }),
      templates: ok([{ id: "t", name: "cart_reminder", language: "es", status: "APPROVED", category: "MARKETING" }]),
    })
    expect(lines.map((l) => [l.key, l.ok])).toEqual([
      ["phone_number", true],
      ["webhook_subscription", true],
      ["commerce_settings", true],
      ["catalog", true],
      ["templates", true],
    ])
    expect(lines[0].detail).toBe("Moda · +34 600 · quality GREEN · name APPROVED · limit TIER_1K")
    expect(lines[3].detail).toBe("Moda (9) · 249 items")
  })

  it("turns red with Meta's own error text, and says what is missing", () => {
    const badToken = new GraphApiError("Invalid OAuth access token - Cannot parse access token", 401, "190")
    const lines = healthLines({
      phone: failed(badToken),
      subscriptions: ok({ data: [] }),
      commerce: ok({ data: [{ is_cart_enabled: true, is_catalog_visible: false }] }),
      catalog: null,
      templates: ok([{ id: "t", name: "x", language: "es", status: "REJECTED", category: "MARKETING" }]),
    })
    expect(lines.every((l) => !l.ok)).toBe(true)
    expect(lines[0].error).toBe("Invalid OAuth access token - Cannot parse access token (code 190)")
    expect(lines[1].detail).toMatch(/messages will not arrive/)
    expect(lines[2].data).toEqual({ is_cart_enabled: true, is_catalog_visible: false })
    expect(lines[3].detail).toBe("No catalog linked to this account.")
    expect(lines[4].detail).toMatch(/No approved template/)
  })

  it("says templates are waiting for Meta's review rather than missing", () => {
    const lines = healthLines({
      phone: ok({ id: "1" }),
      subscriptions: ok({ data: [] }),
      commerce: ok({ data: [] }),
      catalog: null,
      templates: ok([
        { id: "t1", name: "cart_reminder", language: "es", status: "PENDING", category: "MARKETING" },
        { id: "t2", name: "order_update", language: "es", status: "REJECTED", category: "UTILITY" },
      ]),
    })
    const templates = lines.find((l) => l.key === "templates")!
    expect(templates.ok).toBe(false)
    expect(templates.detail).toMatch(/^1 waiting for Meta's review \(cart_reminder;/)
  })
})
