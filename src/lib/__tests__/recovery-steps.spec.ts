import { accountSettingsPatchSchema, mergeAccountSettings, resolveAccountSettings, type RecoveryStep } from "../account-settings"
import { automationDiscountCode, discountCode, recoveryDiscountCode } from "../discounts/discount-code"
import { dueRecoveryStep, endsRecovery, stepCutoffs } from "../recovery/plan-steps"
import { fillRecoveryText, unknownRecoveryVariables } from "../recovery/step-text"

const step = (delay_minutes: number): RecoveryStep => ({ delay_minutes, text: null, template: null, discount: null })
const STEPS = [step(60), step(24 * 60), step(72 * 60)]
const sent = new Date("2026-12-01T10:00:00Z")
const at = (minutes: number) => new Date(sent.getTime() + minutes * 60_000)

describe("dueRecoveryStep", () => {
  it("is nothing before the first delay", () => {
    expect(dueRecoveryStep(STEPS, 0, sent, at(59))).toBeNull()
  })

  it("sends each step at its delay, once", () => {
    expect(dueRecoveryStep(STEPS, 0, sent, at(60))).toMatchObject({ number: 1, superseded: [] })
    expect(dueRecoveryStep(STEPS, 1, sent, at(23 * 60))).toBeNull()
    expect(dueRecoveryStep(STEPS, 1, sent, at(24 * 60))).toMatchObject({ number: 2, superseded: [] })
    expect(dueRecoveryStep(STEPS, 2, sent, at(72 * 60))).toMatchObject({ number: 3, superseded: [] })
    expect(dueRecoveryStep(STEPS, 3, sent, at(200 * 60))).toBeNull()
  })

  it("sends only the latest step when several fell due at once", () => {
    expect(dueRecoveryStep(STEPS, 0, sent, at(80 * 60))).toMatchObject({ number: 3, superseded: [1, 2] })
    expect(dueRecoveryStep(STEPS, 1, sent, at(30 * 60))).toMatchObject({ number: 2, superseded: [] })
  })

  it("gives one cut-off per step, in step order", () => {
    const now = at(0)
    expect(stepCutoffs(STEPS, now).map((d) => (now.getTime() - d.getTime()) / 60_000)).toEqual([60, 1440, 4320])
  })

  it("stops for good only when the customer said no or the cart is gone", () => {
    expect(["opted_out", "marketing_stopped", "cart_missing", "cart_empty"].every(endsRecovery)).toBe(true)
    expect(["no_template", "template_not_approved", "marketing_template_blocked"].some(endsRecovery)).toBe(false)
  })
})

describe("recovery settings", () => {
  it("make the older single reminder step 1", () => {
    const template = { name: "cart_reminder", language: "es", category: "UTILITY" as const }
    expect(resolveAccountSettings({ recovery_delay_minutes: 90, recovery_template: template }).recovery_steps).toEqual([
      { delay_minutes: 90, text: null, template, discount: null },
    ])
    expect(resolveAccountSettings({}).recovery_steps).toEqual([{ delay_minutes: 60, text: null, template: null, discount: null }])
  })

  it("keep configured steps, filling what a step leaves out", () => {
    const settings = resolveAccountSettings({
      recovery_delay_minutes: 30,
      recovery_steps: [{ delay_minutes: 60 }, { delay_minutes: 1440, discount: { kind: "percentage", value: 10, expires_in_hours: 48 } }],
    })
    expect(settings.recovery_steps).toEqual([
      { delay_minutes: 60, text: null, template: null, discount: null },
      { delay_minutes: 1440, text: null, template: null, discount: { kind: "percentage", value: 10, expires_in_hours: 48 } },
    ])
  })

  it("refuse steps out of order, too many, unknown variables and a percentage over 100", () => {
    const refuse = (recovery_steps: unknown) => accountSettingsPatchSchema.safeParse({ recovery_steps }).success
    expect(refuse([{ delay_minutes: 60 }, { delay_minutes: 60 }])).toBe(false)
    expect(refuse([{ delay_minutes: 60 }, { delay_minutes: 120 }, { delay_minutes: 180 }, { delay_minutes: 240 }])).toBe(false)
    expect(refuse([{ delay_minutes: 60, text: "Hola {{nombre}}" }])).toBe(false)
    expect(refuse([{ delay_minutes: 60, discount: { kind: "percentage", value: 120, expires_in_hours: 48 } }])).toBe(false)
    expect(refuse([{ delay_minutes: 60, text: "Hola {{customer_name}}, {{discount_code}}" }])).toBe(true)
  })

  it("ignore stored steps that no longer fit, keeping the older reminder", () => {
    expect(resolveAccountSettings({ recovery_delay_minutes: 45, recovery_steps: [{ delay_minutes: 1 }] }).recovery_steps).toEqual([
      { delay_minutes: 45, text: null, template: null, discount: null },
    ])
  })
})

describe("recovery texts", () => {
  it("fill the contract's variables", () => {
    expect(fillRecoveryText("Hi {{ customer_name }}: {{discount_code}} until {{discount_expires_at}}", {
      customer_name: "Ana",
      discount_code: "WA-X",
      discount_expires_at: "3 Dec",
    })).toBe("Hi Ana: WA-X until 3 Dec")
  })

  it("give nothing when a named variable has no value here (a promotion that failed)", () => {
    expect(fillRecoveryText("Use {{discount_code}}", { customer_name: "Ana" })).toBeNull()
  })

  it("name unknown variables", () => {
    expect(unknownRecoveryVariables("{{customer_name}} {{code}} {{total}}")).toEqual(["code", "total"])
  })
})

describe("discount codes", () => {
  it("are the same for the same purpose and differ across carts, steps and runs", () => {
    expect(recoveryDiscountCode("wacart_1", 2)).toBe(recoveryDiscountCode("wacart_1", 2))
    const codes = new Set([recoveryDiscountCode("wacart_1", 1), recoveryDiscountCode("wacart_1", 2), recoveryDiscountCode("wacart_2", 1), automationDiscountCode("run_1")])
    expect(codes.size).toBe(4)
    expect(discountCode("x")).toMatch(/^WA-[A-HJ-NP-Z2-9]{10}$/)
  })
})

describe("mergeAccountSettings with recovery steps", () => {
  const template = { name: "cart_reminder", language: "es", category: "MARKETING" as const }

  it("mirrors step 1 into the older settings when steps are saved", () => {
    const merged = mergeAccountSettings({}, accountSettingsPatchSchema.parse({ recovery_steps: [{ delay_minutes: 30, template }, { delay_minutes: 120 }] }))
    expect(merged).toMatchObject({ recovery_delay_minutes: 30, recovery_template: template })
  })

  it("writes an older-style change (a template chosen at onboarding) into step 1", () => {
    const stored = { recovery_steps: [{ delay_minutes: 60, text: null, template: null, discount: null }, { delay_minutes: 1440, text: null, template: null, discount: null }] }
    const merged = mergeAccountSettings(stored, { recovery_template: template })
    expect(resolveAccountSettings(merged).recovery_steps.map((s) => s.template)).toEqual([template, null])
  })
})
