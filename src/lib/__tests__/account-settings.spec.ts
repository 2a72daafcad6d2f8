import { accountSettingsPatchSchema, resolveAccountSettings } from "../account-settings"

describe("resolveAccountSettings", () => {
  it("fills defaults around stored values", () => {
    expect(resolveAccountSettings({ search_enabled: false })).toEqual({
      search_enabled: false,
      text_auto_reply: true,
      inquiry_auto_reply: true,
      default_reply: null,
      recovery_enabled: true,
      recovery_delay_minutes: 60,
      recovery_template: null,
      product_url_template: null,
    })
  })

  it("keeps the valid keys of a partly invalid stored value", () => {
    const settings = resolveAccountSettings({ recovery_delay_minutes: -4, default_reply: "Hola" })
    expect(settings.recovery_delay_minutes).toBe(60)
    expect(settings.default_reply).toBe("Hola")
  })

  it("patches never carry defaults, so a merge keeps untouched keys", () => {
    expect(accountSettingsPatchSchema.parse({ recovery_delay_minutes: 90 })).toEqual({ recovery_delay_minutes: 90 })
    expect(() => accountSettingsPatchSchema.parse({ unknown_switch: true })).toThrow()
  })
})
