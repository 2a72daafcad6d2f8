import { GraphApiError } from "../graph-api/errors"
import { checkBusinessNumber } from "../onboarding/check-number"
import { explainOnboardingError, OnboardingProblem } from "../onboarding/explain-error"
import { generatePin, PIN_PATTERN } from "../onboarding/pin"
import { missingPermissions } from "../onboarding/token-permissions"

const meta = (code: number, message: string, subcode?: number, status = 400) =>
  GraphApiError.fromResponse(status, { error: { message, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: "trace" } }, null)
/** As a workflow hands a step's error back: a plain object with the error's own properties. */
const serialized = (error: Error) => JSON.parse(JSON.stringify({ ...error, name: error.name, message: error.message }))

describe("onboarding errors in plain words", () => {
  it.each([
    [meta(100, "This authorization code has been used.", 36009), "exchange_code", "code_used"],
    [meta(100, "This authorization code has expired.", 36007), "exchange_code", "code_expired"],
    [meta(100, "Invalid verification code format."), "exchange_code", "code_invalid"],
    [meta(1, "Error validating client secret."), "exchange_code", "app_credentials"],
    [meta(190, "Invalid OAuth access token", undefined, 401), "subscribe_webhooks", "token_invalid"],
    [meta(10, "(#10) Application does not have permission for this action", undefined, 403), "subscribe_webhooks", "missing_permission"],
    [meta(200, "(#200) Permissions error", undefined, 403), "register_number", "missing_permission"],
    [meta(133006, "(#133006) Phone number re-verification needed"), "register_number", "number_not_verified"],
    [meta(133016, "(#133016) Account register deregister rate limit exceeded"), "register_number", "register_limit"],
    [meta(136025, "(#136025) Verify code error"), "verify_code", "wrong_code"],
    [meta(136024, "(#136024) Request code error"), "request_code", "request_code_failed"],
    [meta(131000, "Something went wrong", undefined, 500), "read_number", "meta_error"],
  ] as const)("%#: Meta's %s at %s is %s", (error, step, type) => {
    const { status, body } = explainOnboardingError(error, step)
    expect(body).toMatchObject({ type, step, meta_error: { code: Number(error.code), message: expect.stringContaining(error.message) } })
    expect(body.message).toContain(`(Meta: ${error.message}`)
    expect(body.next_step.length).toBeGreaterThan(10)
    expect(status).toBe(error.status >= 500 ? 502 : 400)
  })

  it("tells a wrong PIN the merchant typed from a PIN set elsewhere, both 133005", () => {
    const error = meta(133005, "(#133005) Two step verification PIN Mismatch")
    expect(explainOnboardingError(error, "register_number", true).body).toMatchObject({ type: "pin_mismatch", meta_error: { code: 133005, subcode: null } })
    expect(explainOnboardingError(error, "register_number", false).body).toMatchObject({ type: "registered_elsewhere", next_step: expect.stringContaining("PIN") })
  })

  it("reads errors that went through a workflow, and the plugin's own problems", () => {
    const fromWorkflow = explainOnboardingError(serialized(meta(100, "This authorization code has been used.", 36009)), "exchange_code")
    expect(fromWorkflow.body).toMatchObject({ type: "code_used", meta_error: { code: 100, subcode: 36009 } })
    const problem = new OnboardingProblem("missing_permission", "No whatsapp_business_management", "Connect again", 403)
    expect(explainOnboardingError(serialized(problem), "check_permissions")).toEqual({
      status: 403,
      body: { type: "missing_permission", message: "No whatsapp_business_management", step: "check_permissions", next_step: "Connect again", meta_error: null },
    })
    expect(explainOnboardingError(new Error("db down"), "create_account")).toMatchObject({ status: 500, body: { type: "unexpected", meta_error: null } })
    expect(explainOnboardingError(GraphApiError.network(new Error("ECONNREFUSED")), "exchange_code")).toMatchObject({ status: 502, body: { type: "meta_unreachable", meta_error: null } })
  })
})

describe("token permissions for a WABA", () => {
  const both = [
    { scope: "whatsapp_business_management", target_ids: ["111"] },
    { scope: "whatsapp_business_messaging", target_ids: ["111"] },
  ]
  it("needs both WhatsApp permissions on that WABA (no target_ids: every object)", () => {
    expect(missingPermissions({ is_valid: true, granular_scopes: both }, "111")).toEqual([])
    expect(missingPermissions({ is_valid: true, granular_scopes: both }, "222")).toEqual(["whatsapp_business_management", "whatsapp_business_messaging"])
    expect(missingPermissions({ is_valid: true, granular_scopes: [both[1]] }, "111")).toEqual(["whatsapp_business_management"])
    expect(missingPermissions({ is_valid: true, granular_scopes: [{ scope: "whatsapp_business_management" }, both[1]] }, "111")).toEqual([])
    expect(missingPermissions({ is_valid: false, granular_scopes: both }, "111")).toHaveLength(2)
  })
})

describe("two-step PIN", () => {
  it("is 6 digits, not the same every time", () => {
    const pins = new Set(Array.from({ length: 20 }, generatePin))
    for (const pin of pins) expect(pin).toMatch(PIN_PATTERN)
    expect(pins.size).toBeGreaterThan(1)
  })
})

describe("business number check", () => {
  it.each([
    ["+34 612 345 678", true, "+34612345678", "ES"],
    ["0034612345678", true, "+34612345678", "ES"],
    ["+1 (201) 555-0123", true, "+12015550123", "US"],
    ["612 345 678", false, null, null],
    ["12345", false, null, null],
    ["+34 12345", false, "+3412345", "ES"],
    ["+34 612 34", false, "+3461234", "ES"],
    ["+999 123456789", false, null, null],
    ["call me", false, null, null],
    ["", false, null, null],
  ])("%s → ok %s", (input, ok, e164, country) => {
    const answer = checkBusinessNumber(input)
    expect(answer).toMatchObject({ ok, e164, country })
    expect(answer.problems.length === 0).toBe(ok)
  })

  it("refuses short codes and numbers without a country code in words", () => {
    expect(checkBusinessNumber("12345").problems[0]).toMatch(/Short codes/)
    expect(checkBusinessNumber("+34 12345").problems[0]).toMatch(/Short codes/)
    expect(checkBusinessNumber("+34 612 345 67").problems[0]).toMatch(/wrong length for ES/)
    expect(checkBusinessNumber("612 345 678").problems[0]).toMatch(/country code/)
  })
})
