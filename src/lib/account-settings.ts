import { z } from "@medusajs/framework/zod"

export const SUPPORTED_LANGUAGES = ["en", "es", "pt"] as const
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number]

/** Template used for recovery outside the 24-hour window. */
export const recoveryTemplateSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]).default("MARKETING"),
})

const settingFields = {
  search_enabled: z.boolean(),
  /** Answer customers' texts automatically (keyword rules, search, default reply). Off = a human answers. */
  text_auto_reply: z.boolean(),
  inquiry_auto_reply: z.boolean(),
  default_reply: z.string().max(1024).nullable(),
  recovery_enabled: z.boolean(),
  recovery_delay_minutes: z.number().int().min(5).max(7 * 24 * 60),
  recovery_template: recoveryTemplateSchema.nullable(),
  /** Storefront product URL for catalog links: {handle}, {product_id}, {variant_id}. */
  product_url_template: z.string().url().nullable(),
}

export const DEFAULT_ACCOUNT_SETTINGS = {
  search_enabled: true,
  text_auto_reply: true,
  inquiry_auto_reply: true,
  default_reply: null,
  recovery_enabled: true,
  recovery_delay_minutes: 60,
  recovery_template: null,
  product_url_template: null,
}

/**
 * Per-account behaviour switches. Stored as JSON on the account so adding a
 * switch needs no migration; always read through `resolveAccountSettings`.
 */
export const accountSettingsSchema = z.object(settingFields)

/** What an admin may send: any subset, merged into what is stored. */
export const accountSettingsPatchSchema = z.object(settingFields).partial().strict()

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
