import { foreignCatalogRefusal } from "../cart/foreign-catalog"
import { isTemplateSendable, marketingRefusal, templateRefusal } from "../template-usability"

describe("template usability", () => {
  const known = (status: string, reason: string | null = null, other_info: any = null) => ({ name: "cart_reminder", language: "es", status, reason, other_info })

  it("lets unknown and approved templates, and approved ones flagged or locked, be sent", () => {
    expect(isTemplateSendable(null)).toBe(true)
    for (const status of ["APPROVED", "REINSTATED", "FLAGGED", "LOCKED"]) expect(templateRefusal(known(status))).toBeNull()
  })

  it("says why a paused, disabled, rejected or pending template is not sent", () => {
    expect(templateRefusal(known("PAUSED", null, { title: "FIRST_PAUSE", description: "Paused for 3 hours" }))).toBe(
      'Template "cart_reminder" (es) is PAUSED: FIRST_PAUSE: Paused for 3 hours; Meta only sends approved templates.'
    )
    expect(templateRefusal(known("REJECTED", "INCORRECT_CATEGORY"))).toBe(
      'Template "cart_reminder" (es) is REJECTED: INCORRECT_CATEGORY; Meta only sends approved templates.'
    )
    for (const status of ["DISABLED", "PENDING", "PENDING_DELETION", "IN_APPEAL", "ARCHIVED"]) expect(templateRefusal(known(status))).toContain(status)
  })

  it("refuses marketing only, and only to a customer who stopped it", () => {
    expect(marketingRefusal("MARKETING", { marketing_preference: "stop", marketing_preference_detail: "User requested to stop marketing messages" })).toContain("stopped marketing")
    expect(marketingRefusal("UTILITY", { marketing_preference: "stop" })).toBeNull()
    expect(marketingRefusal("MARKETING", { marketing_preference: "resume" })).toBeNull()
    expect(marketingRefusal(null, { marketing_preference: "stop" })).toBeNull()
  })
})

describe("foreignCatalogRefusal", () => {
  it("accepts the account's catalog and orders without one, refuses any other", () => {
    expect(foreignCatalogRefusal("111", "111")).toBeNull()
    expect(foreignCatalogRefusal(null, "111")).toBeNull()
    expect(foreignCatalogRefusal("222", "111")).toBe("order from catalog 222 refused: the account sells from catalog 111")
    expect(foreignCatalogRefusal("222", null)).toBe("order from catalog 222 refused: no catalog is connected to this account")
  })
})
