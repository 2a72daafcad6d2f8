import { phoneRegistrationState } from "../phone-registration-state"

describe("phoneRegistrationState", () => {
  it("asks for the code while the number is not verified, whatever its status", () => {
    expect(phoneRegistrationState({ code_verification_status: "NOT_VERIFIED", status: "PENDING" })).toBe("needs_verification")
    expect(phoneRegistrationState({ code_verification_status: "EXPIRED" })).toBe("needs_verification")
  })

  it("asks only to register a verified number that is not connected", () => {
    expect(phoneRegistrationState({ code_verification_status: "VERIFIED", status: "PENDING" })).toBe("needs_registration")
    expect(phoneRegistrationState({ status: "DISCONNECTED" })).toBe("needs_registration")
  })

  it("offers nothing for a registered number or when Meta said nothing", () => {
    expect(phoneRegistrationState({ code_verification_status: "VERIFIED", status: "CONNECTED" })).toBe("registered")
    expect(phoneRegistrationState({ code_verification_status: "VERIFIED" })).toBe("registered")
    expect(phoneRegistrationState({ display_phone_number: "+34 612 345 678" })).toBe("unknown")
    expect(phoneRegistrationState(undefined)).toBe("unknown")
  })
})
