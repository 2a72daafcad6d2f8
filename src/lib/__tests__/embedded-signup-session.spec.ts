import {
  describeSignupCancel,
  parseSignupSessionMessage,
  pinProblem,
  signupMessageOrigins,
} from "../embedded-signup-session"

const META = ["https://www.facebook.com", "https://web.facebook.com"]
const SANDBOX = "http://localhost:19251"
const allowed = [...META, SANDBOX]
const message = (event: string, data: object) => JSON.stringify({ type: "WA_EMBEDDED_SIGNUP", event, data, version: 3 })

describe("signupMessageOrigins", () => {
  it("allows Meta's two origins in production", () => {
    expect(signupMessageOrigins("https://connect.facebook.net/en_US/sdk.js")).toEqual(META)
  })

  it("adds the origin the SDK came from when it is not Meta's CDN (the sandbox)", () => {
    expect(signupMessageOrigins(`${SANDBOX}/sdk.js`)).toEqual(allowed)
  })

  it("adds nothing for a URL that does not parse", () => {
    expect(signupMessageOrigins("not a url")).toEqual(META)
  })
})

describe("parseSignupSessionMessage", () => {
  it("reads a finished signup sent as a JSON string", () => {
    const parsed = parseSignupSessionMessage(
      "https://www.facebook.com",
      message("FINISH", { phone_number_id: "106540352242922", waba_id: "102290129340398", business_id: "2729063490586005" }),
      allowed
    )
    expect(parsed).toEqual({
      kind: "finish",
      session: { phone_number_id: "106540352242922", waba_id: "102290129340398", business_id: "2729063490586005" },
    })
  })

  it("accepts an object payload and a missing business id", () => {
    const parsed = parseSignupSessionMessage(SANDBOX, { type: "WA_EMBEDDED_SIGNUP", event: "FINISH", data: { phone_number_id: "1", waba_id: "2" } }, allowed)
    expect(parsed).toEqual({ kind: "finish", session: { phone_number_id: "1", waba_id: "2", business_id: null } })
  })

  it("ignores other origins, other message types and non-JSON strings", () => {
    const finish = message("FINISH", { phone_number_id: "1", waba_id: "2" })
    expect(parseSignupSessionMessage("https://evil.example", finish, allowed)).toBeNull()
    expect(parseSignupSessionMessage("https://www.facebook.com", JSON.stringify({ type: "OTHER", event: "FINISH" }), allowed)).toBeNull()
    expect(parseSignupSessionMessage("https://www.facebook.com", "cb=f1234&relation=opener", allowed)).toBeNull()
    expect(parseSignupSessionMessage("https://www.facebook.com", null, allowed)).toBeNull()
  })

  it("refuses ids that are not Meta's numeric ids", () => {
    const parsed = parseSignupSessionMessage("https://www.facebook.com", message("FINISH", { phone_number_id: "1", waba_id: "<script>" }), allowed)
    expect(parsed?.kind).toBe("error")
  })

  it("tells a signup that ended without a phone number", () => {
    expect(parseSignupSessionMessage("https://www.facebook.com", message("FINISH_ONLY_WABA", { waba_id: "2", business_id: "3" }), allowed)).toEqual({
      kind: "finish_without_number",
      waba_id: "2",
      business_id: "3",
    })
  })

  it("reads an abandoned flow with the screen it stopped at", () => {
    expect(parseSignupSessionMessage("https://web.facebook.com", message("CANCEL", { current_step: "PHONE_NUMBER_VERIFICATION" }), allowed)).toEqual({
      kind: "cancel",
      current_step: "PHONE_NUMBER_VERIFICATION",
    })
  })

  it("reads a reported error (CANCEL with error_message, or ERROR)", () => {
    const data = { error_message: "Your Facebook account is too new", error_id: "524126", session_id: "f34b51dab5e0498", timestamp: "1689159862" }
    const expected = { kind: "error", message: "Your Facebook account is too new", error_id: "524126", session_id: "f34b51dab5e0498" }
    expect(parseSignupSessionMessage("https://www.facebook.com", message("CANCEL", data), allowed)).toEqual(expected)
    expect(parseSignupSessionMessage("https://www.facebook.com", message("ERROR", data), allowed)).toEqual(expected)
    expect(parseSignupSessionMessage("https://www.facebook.com", message("ERROR", {}), allowed)).toMatchObject({ kind: "error", error_id: null })
  })
})

describe("describeSignupCancel", () => {
  it("names the screen and what to do for Meta's steps", () => {
    expect(describeSignupCancel("PHONE_NUMBER_VERIFICATION").title).toMatch(/verifying the phone number/)
    expect(describeSignupCancel("PERMISSIONS").next).toMatch(/accept the permissions/)
  })

  it("still says something for an unknown or missing step", () => {
    expect(describeSignupCancel("NEW_SCREEN").title).toMatch(/NEW_SCREEN/)
    expect(describeSignupCancel(null).next).toMatch(/Start again/)
  })
})

describe("pinProblem", () => {
  it("accepts empty (generated) or exactly 6 digits", () => {
    expect(pinProblem("")).toBeNull()
    expect(pinProblem("123456")).toBeNull()
    expect(pinProblem("12345")).toMatch(/6 digits/)
    expect(pinProblem("12345a")).toMatch(/6 digits/)
    expect(pinProblem("1234567")).toMatch(/6 digits/)
  })
})
