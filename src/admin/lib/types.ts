export type TemplateRef = { name: string; language: string; category: "MARKETING" | "UTILITY" | "AUTHENTICATION" }

export type AccountSettings = {
  search_enabled: boolean
  text_auto_reply: boolean
  inquiry_auto_reply: boolean
  default_reply: string | null
  recovery_enabled: boolean
  recovery_delay_minutes: number
  recovery_template: TemplateRef | null
  order_updates: { placed: boolean; paid: boolean; shipped: boolean; canceled: boolean }
  order_update_template: TemplateRef | null
  product_url_template: string | null
}

export type WhatsappAccount = {
  id: string
  name: string
  waba_id: string
  phone_number_id: string
  display_phone_number: string | null
  /** Masked ("••••1234") or null: secrets are never sent back. */
  access_token: string | null
  app_secret: string | null
  catalog_id: string | null
  region_id: string | null
  sales_channel_id: string | null
  language: string
  settings: AccountSettings
  created_at: string
}

export type HealthLine = { key: string; label: string; ok: boolean; detail: string; error: string | null; data?: Record<string, any> }

export type TemplateSummary = {
  name: string
  language: string
  status: string
  category: TemplateRef["category"]
  body_parameters: number
  url_button: { text: string; url: string; index: number } | null
  header_needs: string | null
  fits: { recovery: boolean; order_update: boolean }
}

type AccountBrief = { id: string; name: string; display_phone_number: string | null }

/** GET /admin/whatsapp/accounts/:id `catalog_sharing`: the numbers on this account's catalog and how it is priced. */
export type CatalogSharing = {
  catalog_id: string
  source: AccountBrief | null
  currency_code: string | null
  region: { id: string; name: string | null } | null
  sales_channel: { id: string; name: string | null } | null
  shared_with: AccountBrief[]
}
