import type { AccountSettings } from "../../lib/account-settings"
import type { HealthLine } from "../../lib/graph-api/health"
import type { TemplateSummary } from "../../lib/graph-api/templates"
import type { CommerceSettings } from "../../lib/graph-api/types"
import type { AdminWhatsAppCatalogSyncRun } from "./catalog"
import type { DateTime, DeleteResponse, PaginatedResponse } from "./common"

export type { AccountSettings, HealthLine, TemplateSummary }

/** GET /admin/whatsapp/accounts[/:id] (accounts/query-config.ts); secrets are masked ("••••1234") or null. */
export type AdminWhatsAppAccount = {
  id: string
  name: string
  waba_id: string
  /** The Meta business portfolio that owns the WABA; read from Meta when first needed. */
  business_id: string | null
  phone_number_id: string
  display_phone_number: string | null
  access_token: string | null
  app_secret: string | null
  catalog_id: string | null
  sales_channel_id: string | null
  region_id: string | null
  language: string
  settings: AccountSettings
  created_at: DateTime
  updated_at: DateTime
}

type AccountBrief = { id: string; name: string; display_phone_number: string | null }

/** `catalog_sharing`: the numbers on this account's catalog and how it is priced (workflows/catalog/catalog-sharing.ts). */
export type AdminWhatsAppCatalogSharing = {
  catalog_id: string
  source: AccountBrief | null
  currency_code: string | null
  region: { id: string; name: string | null } | null
  sales_channel: { id: string; name: string | null } | null
  shared_with: AccountBrief[]
}

export type AdminWhatsAppAccountListResponse = PaginatedResponse<"accounts", AdminWhatsAppAccount>
export type AdminWhatsAppAccountResponse = { account: AdminWhatsAppAccount }
export type AdminWhatsAppAccountDetailResponse = AdminWhatsAppAccountResponse & { catalog_sharing: AdminWhatsAppCatalogSharing | null }
export type AdminWhatsAppAccountDeleteResponse = DeleteResponse<"whatsapp_account">

/** GET /admin/whatsapp/accounts/:id/health */
export type AdminWhatsAppHealthResponse = { account_id: string; ok: boolean; lines: HealthLine[] }

/** GET /admin/whatsapp/accounts/:id/templates */
export type AdminWhatsAppTemplatesResponse = { templates: TemplateSummary[]; count: number }

/** POST /admin/whatsapp/accounts/:id/subscribe */
export type AdminWhatsAppSubscribeResponse = { subscribed: true }

/** POST /admin/whatsapp/accounts/:id/commerce-settings */
export type AdminWhatsAppCommerceSettingsResponse = { commerce_settings: CommerceSettings | null }

/** POST /admin/whatsapp/accounts/:id/catalog */
export type AdminWhatsAppConnectCatalogResponse = {
  account: AdminWhatsAppAccount
  catalog: { id: string; name: string; product_count?: number }
  commerce_settings: { is_cart_enabled: boolean; is_catalog_visible: boolean }
  /** The catalog the WABA is connected to at Meta now, and the one it replaced (null: none). */
  waba_catalog_id: string
  replaced_catalog_id: string | null
  /** The first sync, when asked for with `start_sync` (follow it at GET /admin/whatsapp/catalog/runs/:id). */
  sync_run: AdminWhatsAppCatalogSyncRun | null
}

/** GET /admin/whatsapp/setup: what to paste into the Meta app dashboard. */
export type AdminWhatsAppSetupResponse = {
  webhook_url: string
  verify_token: string
  webhook_fields: string[]
  graph_api_version: string
  app_secret_configured: boolean
}

/** @deprecated The old shape of a keyword automation rule (…/auto-replies, docs/admin-api.md); use the automations API. */
export type AdminWhatsAppAutoReplyRule = {
  id: string
  account_id: string
  name: string
  match: "exact" | "contains"
  keywords: string[]
  reply_type: "text" | "products"
  reply_text: string | null
  product_ids: string[] | null
  variant_ids: string[] | null
  priority: number
  active: boolean
  created_at: DateTime
  updated_at: DateTime
}
export type AdminWhatsAppAutoReplyListResponse = { auto_replies: AdminWhatsAppAutoReplyRule[] }
export type AdminWhatsAppAutoReplyResponse = { auto_reply: AdminWhatsAppAutoReplyRule }
export type AdminWhatsAppAutoReplyDeleteResponse = DeleteResponse<"whatsapp_auto_reply">
