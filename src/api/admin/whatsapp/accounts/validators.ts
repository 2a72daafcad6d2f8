import { z } from "@medusajs/framework/zod"
import { pagination } from "../pagination"
import { accountSettingsPatchSchema, SUPPORTED_LANGUAGES } from "../../../../lib/account-settings"

// Medusa's error formatter prints custom messages without the field path, so
// the message names the field itself.
export const graphId = (field: string) =>
  z.string().regex(/^\d{5,32}$/, `${field} must be the numeric id Meta shows`)

const accountFields = {
  name: z.string().trim().min(1).max(100),
  waba_id: graphId("waba_id"),
  phone_number_id: graphId("phone_number_id"),
  display_phone_number: z.string().trim().max(32).nullish(),
  access_token: z.string().trim().min(10).max(1024),
  app_secret: z.string().trim().min(8).max(256).nullish(),
  catalog_id: graphId("catalog_id").nullish(),
  sales_channel_id: z.string().nullish(),
  region_id: z.string().nullish(),
  language: z.enum(SUPPORTED_LANGUAGES).optional(),
  settings: accountSettingsPatchSchema.optional(),
}

export const AdminCreateWhatsAppAccount = z.object(accountFields).strict()
export type AdminCreateWhatsAppAccountType = z.infer<typeof AdminCreateWhatsAppAccount>

export const AdminUpdateWhatsAppAccount = z.object(accountFields).partial().strict()
export type AdminUpdateWhatsAppAccountType = z.infer<typeof AdminUpdateWhatsAppAccount>

export const AdminCommerceSettings = z
  .object({ is_cart_enabled: z.boolean().optional(), is_catalog_visible: z.boolean().optional() })
  .strict()
  .refine((b) => b.is_cart_enabled !== undefined || b.is_catalog_visible !== undefined, { message: "give is_cart_enabled or is_catalog_visible" })
export type AdminCommerceSettingsType = z.infer<typeof AdminCommerceSettings>

export const AdminListWhatsAppAccounts = z.object(pagination({ max: 200, byDefault: 50 }))
export type AdminListWhatsAppAccountsType = z.infer<typeof AdminListWhatsAppAccounts>
