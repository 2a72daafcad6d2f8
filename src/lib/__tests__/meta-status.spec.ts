import { explainBusinessVerification, explainMessagingTier, explainRegistration, META_STATUS_LINKS, metaStatusItems } from "../meta-status"

const healthyPhone = {
  status: "CONNECTED",
  code_verification_status: "VERIFIED",
  name_status: "APPROVED",
  is_official_business_account: true,
  quality_rating: "GREEN",
  whatsapp_business_manager_messaging_limit: "TIER_10K",
}

const byKey = (items: ReturnType<typeof metaStatusItems>) => Object.fromEntries(items.map((i) => [i.key, i]))

describe("metaStatusItems", () => {
  it("lists the six statuses in reading order, all green for a verified business with a healthy number", () => {
    const items = metaStatusItems({ business_verification_status: "verified", phone: healthyPhone })
    expect(items.map((i) => i.key)).toEqual([
      "business_verification",
      "display_name",
      "official_business_account",
      "quality_rating",
      "messaging_tier",
      "number_registration",
    ])
    expect(items.map((i) => i.tone)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"])
    expect(items.every((i) => i.next_step === null)).toBe(true)
    expect(items.map((i) => i.link)).toEqual(items.map((i) => META_STATUS_LINKS[i.key]))
    expect(byKey(items).official_business_account.value).toBe("true")
  })

  it("explains an unverified business: the 250 limit, and no badge before verification", () => {
    const items = byKey(
      metaStatusItems({
        business_verification_status: "not_verified",
        phone: { ...healthyPhone, is_official_business_account: false, whatsapp_business_manager_messaging_limit: "TIER_250" },
      })
    )
    expect(items.business_verification).toMatchObject({ value: "not_verified", tone: "attention" })
    expect(items.business_verification.meaning).toContain("250 customers a day")
    expect(items.business_verification.next_step).toContain("Security Center")
    expect(items.official_business_account).toMatchObject({ tone: "attention", next_step: expect.stringContaining("Verify your business first") })
    expect(items.messaging_tier).toMatchObject({ value: "TIER_250", tone: "attention", next_step: expect.stringContaining("2,000") })
  })

  it("offers the badge request to a verified business without one", () => {
    const items = byKey(metaStatusItems({ business_verification_status: "verified", phone: { ...healthyPhone, is_official_business_account: false } }))
    expect(items.official_business_account.next_step).toContain("request Official Business Account status")
  })

  it("marks rejected, pending and more-info verification with what to do", () => {
    expect(explainBusinessVerification("rejected")).toMatchObject({ tone: "problem", next_step: expect.stringContaining("submit again") })
    expect(explainBusinessVerification("pending")).toMatchObject({ tone: "attention", next_step: expect.stringContaining("Wait") })
    expect(explainBusinessVerification("pending_need_more_info")).toMatchObject({ tone: "attention", meaning: expect.stringContaining("more information") })
    expect(explainBusinessVerification("ineligible").tone).toBe("problem")
  })

  it("says a declined name, a red rating and a flagged number are problems", () => {
    const items = byKey(
      metaStatusItems({ business_verification_status: "verified", phone: { ...healthyPhone, name_status: "DECLINED", quality_rating: "RED", status: "FLAGGED" } })
    )
    expect(items.display_name).toMatchObject({ tone: "problem", next_step: expect.stringContaining("Edit the display name") })
    expect(items.quality_rating).toMatchObject({ tone: "problem", next_step: expect.stringContaining("Pause marketing") })
    expect(items.number_registration.tone).toBe("problem")
  })

  it("falls back to the deprecated messaging_limit_tier, and knows unlimited", () => {
    expect(explainMessagingTier(null, "TIER_1K")).toMatchObject({ value: "TIER_1K", tone: "ok", meaning: expect.stringContaining("1,000") })
    expect(explainMessagingTier("TIER_UNLIMITED", "TIER_1K")).toMatchObject({ value: "TIER_UNLIMITED", tone: "ok" })
    expect(explainMessagingTier("UNTIERED", null).tone).toBe("unknown")
  })

  it("tells a verified-but-unregistered number to register, an unverified one to request a code", () => {
    expect(explainRegistration("PENDING", "VERIFIED").next_step).toContain("Register")
    expect(explainRegistration("PENDING", "NOT_VERIFIED").next_step).toContain("Request a verification code")
  })

  it("shows Meta's error on every line a failed read left unknown", () => {
    const items = metaStatusItems({ business_verification_status: null, phone: null, phone_error: "Invalid OAuth access token (code 190)", business_error: "Permissions error (code 200)" })
    expect(items.map((i) => i.tone)).toEqual(["unknown", "unknown", "unknown", "unknown", "unknown", "unknown"])
    expect(items[0].meaning).toContain("code 200")
    expect(items.slice(1).every((i) => i.meaning.includes("code 190"))).toBe(true)
  })
})
