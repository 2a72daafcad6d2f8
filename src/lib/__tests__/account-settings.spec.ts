import { accountSettingsPatchSchema, mergeAccountSettings, resolveAccountSettings } from "../account-settings"

describe("resolveAccountSettings", () => {
  it("fills defaults around stored values", () => {
    expect(resolveAccountSettings({ search_enabled: false })).toEqual({
      search_enabled: false,
      text_auto_reply: true,
      inquiry_auto_reply: true,
      inquiry_handoff: false,
      handoff_after_misses: 3,
      default_reply: null,
      recovery_enabled: true,
      recovery_delay_minutes: 60,
      recovery_template: null,
      recovery_steps: [{ delay_minutes: 60, text: null, template: null, discount: null }],
      order_updates: { placed: true, paid: true, shipped: true, canceled: true },
      order_update_template: null,
      product_url_template: null,
      order_on_submit: "off",
      ask_address_in_chat: false,
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

  it("merges one order-update switch without touching the other two", () => {
    const patch = accountSettingsPatchSchema.parse({ order_updates: { shipped: false } })
    const merged = mergeAccountSettings({ default_reply: "Hola", order_updates: { placed: false } }, patch)
    expect(merged).toEqual({ default_reply: "Hola", order_updates: { placed: false, paid: true, shipped: false, canceled: true } })
    expect(resolveAccountSettings(merged).order_updates).toEqual({ placed: false, paid: true, shipped: false, canceled: true })
  })
})
