import { z } from "@medusajs/framework/zod"

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
  if (patch.order_updates) {
    merged.order_updates = { ...DEFAULT_ACCOUNT_SETTINGS.order_updates, ...previous.order_updates, ...patch.order_updates }
  }
  return merged
}

export type AccountSettings = z.output<typeof accountSettingsSchema>

export function resolveAccountSettings(stored: unknown): AccountSettings {
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
  return result as AccountSettings
}
