import type { AccountSettingsPatch, SupportedLanguage } from "../../lib/account-settings"

export type WhatsAppAccountInput = {
  name: string
  waba_id: string
  business_id?: string | null
  phone_number_id: string
  display_phone_number?: string | null
  access_token: string
  app_secret?: string | null
  catalog_id?: string | null
  sales_channel_id?: string | null
  region_id?: string | null
  language?: SupportedLanguage
  settings?: AccountSettingsPatch
}

export type WhatsAppAccountUpdate = { id: string } & Partial<WhatsAppAccountInput>
