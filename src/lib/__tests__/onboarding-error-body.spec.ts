import { failureOf, onboardingFailure, OnboardingRequestError } from "../onboarding-error-body"

describe("onboardingFailure", () => {
  it("keeps the onboarding error's message, next step, step and Meta's error", () => {
    const failure = onboardingFailure(400, {
      type: "invalid_data",
      message: "This authorization code was already used.",
      step: "exchange_code",
      next_step: "Click Connect with Facebook again: each code works once.",
      meta_error: { code: 100, subcode: 36009, message: "This authorization code has been used." },
    })
    expect(failure).toEqual({
      status: 400,
      message: "This authorization code was already used.",
      next_step: "Click Connect with Facebook again: each code works once.",
      step: "exchange_code",
      meta_error: { code: 100, subcode: 36009, message: "This authorization code has been used." },
      waba_catalog_id: null,
    })
  })

  it("reads the catalog a WABA is already connected to from a 409", () => {
    const failure = onboardingFailure(409, { message: "This WhatsApp account already has a catalog.", waba_catalog_id: "555", next_step: "Confirm to replace it." })
    expect(failure.waba_catalog_id).toBe("555")
    expect(failure.status).toBe(409)
  })

  it("reads Medusa's plain error shape, and still says something for an unusable body", () => {
    expect(onboardingFailure(400, { type: "invalid_data", message: "region_id is required" })).toMatchObject({ message: "region_id is required", next_step: null })
    expect(onboardingFailure(502, "<html>Bad gateway</html>", "Bad Gateway").message).toBe("The request failed (HTTP 502 Bad Gateway).")
  })

  it("drops a malformed meta_error rather than showing half of it", () => {
    expect(onboardingFailure(502, { message: "x", meta_error: { code: "190" } }).meta_error).toBeNull()
  })
})

describe("failureOf", () => {
  it("unwraps a request error and turns anything else into a message", () => {
    const failure = onboardingFailure(404, { message: "Not found" })
    expect(failureOf(new OnboardingRequestError(failure))).toBe(failure)
    expect(failureOf(new TypeError("Failed to fetch"))).toMatchObject({ status: 0, message: "Failed to fetch", next_step: null })
  })
})
