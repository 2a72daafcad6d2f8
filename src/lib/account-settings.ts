import { z } from "@medusajs/framework/zod"
import { unknownRecoveryVariables } from "./recovery/step-text"

export const SUPPORTED_LANGUAGES = ["en", "es", "pt"] as const
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number]

/**
 * An approved template, used when the 24-hour window is closed. The category
 * matters: Meta blocks MARKETING templates to some numbers (US +1).
 * Parameters are fixed per use and documented in the README:
 * recovery → body {{1}} customer name, {{2}} cart total (currency), URL
 * button {{1}} the checkout link's suffix; order update → body {{1}} order
 * number, {{2}} what happened.
 */
export const templateRefSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]).default("MARKETING"),
})
export const recoveryTemplateSchema = templateRefSchema
export type TemplateRef = z.output<typeof templateRefSchema>

/** Which order updates go to the chat; each can be switched off. */
export const orderUpdatesSchema = z.object({
  placed: z.boolean(),
  /** The receipt when an admin marks a manual payment (transfer, cash on delivery) as paid. */
  paid: z.boolean(),
  shipped: z.boolean(),
  canceled: z.boolean(),
})

/** A discount a recovery step offers: a Medusa promotion with a code for this cart and step, expiring. */
export const recoveryDiscountSchema = z
  .object({
    kind: z.enum(["percentage", "fixed"]),
    /** Percent (1–100) or an amount in the cart's currency. */
    value: z.number().positive().max(1_000_000),
    expires_in_hours: z.number().int().min(1).max(30 * 24),
  })
  .refine((d) => d.kind !== "percentage" || d.value <= 100, { message: "A percentage discount is at most 100", path: ["value"] })

export const MAX_RECOVERY_STEPS = 3

/**
 * One reminder of the recovery sequence. `text` (variables {{customer_name}},
 * {{cart_total}}, {{discount_code}}, {{discount_expires_at}}, {{store_name}})
 * replaces the built-in message inside the 24-hour window; `template` is sent
 * outside it.
 */
export const recoveryStepSchema = z.object({
  delay_minutes: z.number().int().min(5).max(7 * 24 * 60),
  text: z
    .string()
    .trim()
    .min(1)
    .max(900)
    .superRefine((t, ctx) => {
      const unknown = unknownRecoveryVariables(t)
      if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown variables: ${unknown.join(", ")}` })
    })
    .nullable()
    .default(null),
  template: templateRefSchema.nullable().default(null),
  discount: recoveryDiscountSchema.nullable().default(null),
})
export type RecoveryStep = z.output<typeof recoveryStepSchema>

export const recoveryStepsSchema = z
  .array(recoveryStepSchema)
  .min(1)
  .max(MAX_RECOVERY_STEPS)
  .refine((steps) => steps.every((s, i) => i === 0 || s.delay_minutes > steps[i - 1].delay_minutes), {
    message: "Each recovery step must come later than the one before it",
  })

const settingFields = {
  search_enabled: z.boolean(),
  /** Answer customers' texts automatically (keyword rules, search, default reply). Off = a human answers. */
  text_auto_reply: z.boolean(),
  inquiry_auto_reply: z.boolean(),
  /** A product question the concierge cannot answer (not a size, colour or delivery question) also goes to a person. */
  inquiry_handoff: z.boolean(),
  /** Consecutive searches with no result before a person takes over; 0 never hands off for misses. */
  handoff_after_misses: z.number().int().min(0).max(10),
  default_reply: z.string().max(1024).nullable(),
  recovery_enabled: z.boolean(),
  recovery_delay_minutes: z.number().int().min(5).max(7 * 24 * 60),
  recovery_template: recoveryTemplateSchema.nullable(),
  /** Up to three reminders; null = one, from recovery_delay_minutes and recovery_template (the older settings). */
  recovery_steps: recoveryStepsSchema.nullable(),
  order_updates: orderUpdatesSchema,
  order_update_template: templateRefSchema.nullable(),
  /** Storefront product URL for catalog links: {handle}, {product_id}, {variant_id}. */
  product_url_template: z.string().url().nullable(),
  /**
   * "on": a submitted cart becomes an order at once, paid by manual payment
   * (cash on delivery) and marked paid later; no payment link is sent.
   * See docs/flows/checkout.md#order-on-submit.
   */
  order_on_submit: z.enum(["off", "on"]),
  /** With order_on_submit: an order without a street address asks the customer for it in the chat and hands the conversation to a person. */
  ask_address_in_chat: z.boolean(),
}

export const DEFAULT_ACCOUNT_SETTINGS = {
  search_enabled: true,
  text_auto_reply: true,
  inquiry_auto_reply: true,
  inquiry_handoff: false,
  handoff_after_misses: 3,
  default_reply: null,
  recovery_enabled: true,
  recovery_delay_minutes: 60,
  recovery_template: null,
  recovery_steps: null,
  order_updates: { placed: true, paid: true, shipped: true, canceled: true },
  order_update_template: null,
  product_url_template: null,
  order_on_submit: "off" as const,
  ask_address_in_chat: false,
}

/**
 * Per-account behaviour switches. Stored as JSON on the account so adding a
 * switch needs no migration; always read through `resolveAccountSettings`.
 */
export const accountSettingsSchema = z.object(settingFields)

/** What an admin may send: any subset (order_updates too), merged into what is stored. */
export const accountSettingsPatchSchema = z
  .object({ ...settingFields, order_updates: orderUpdatesSchema.partial().strict() })
  .partial()
  .strict()

export type AccountSettingsPatch = z.output<typeof accountSettingsPatchSchema>

/** A form that edits one switch keeps the others, including one order update among three. */
export function mergeAccountSettings(stored: unknown, patch: AccountSettingsPatch): Record<string, unknown> {
  const previous = (stored ?? {}) as Record<string, any>
  const merged: Record<string, unknown> = { ...previous, ...patch }
  // Step 1 and the older single-reminder settings stay one and the same, whichever is written.
  if (patch.recovery_steps) {
    merged.recovery_delay_minutes = patch.recovery_steps[0].delay_minutes
    merged.recovery_template = patch.recovery_steps[0].template
  } else if (Array.isArray(previous.recovery_steps) && previous.recovery_steps.length && ("recovery_delay_minutes" in patch || "recovery_template" in patch)) {
    const [first, ...rest] = previous.recovery_steps
    merged.recovery_steps = [
      {
        ...first,
        ...("recovery_delay_minutes" in patch ? { delay_minutes: patch.recovery_delay_minutes } : {}),
        ...("recovery_template" in patch ? { template: patch.recovery_template } : {}),
      },
      ...rest,
    ]
  }
  if (patch.order_updates) {
    merged.order_updates = { ...DEFAULT_ACCOUNT_SETTINGS.order_updates, ...previous.order_updates, ...patch.order_updates }
  }
  return merged
}

/** Resolved settings always carry the recovery steps: the older single-reminder settings become step 1. */
export type AccountSettings = Omit<z.output<typeof accountSettingsSchema>, "recovery_steps"> & { recovery_steps: RecoveryStep[] }

export function resolveAccountSettings(stored: unknown): AccountSettings {
  const settings = parseAccountSettings(stored)
  return {
    ...settings,
    recovery_steps: settings.recovery_steps ?? [
      { delay_minutes: settings.recovery_delay_minutes, text: null, template: settings.recovery_template, discount: null },
    ],
  }
}

function parseAccountSettings(stored: unknown): z.output<typeof accountSettingsSchema> {
  const parsed = accountSettingsSchema.safeParse({ ...DEFAULT_ACCOUNT_SETTINGS, ...(stored as object) })
  // A stored value that no longer fits (an old shape) falls back to defaults
  // key by key rather than breaking the account.
  if (parsed.success) {
    return parsed.data
  }
  const result: Record<string, unknown> = { ...DEFAULT_ACCOUNT_SETTINGS }
  for (const [key, value] of Object.entries((stored as Record<string, unknown>) ?? {})) {
    const field = accountSettingsSchema.shape[key as keyof AccountSettings]
    if (field && field.safeParse(value).success) {
      result[key] = value
    }
  }
  return result as z.output<typeof accountSettingsSchema>
}
