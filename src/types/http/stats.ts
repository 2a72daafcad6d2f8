import type { ParsedQuery } from "../../lib/search/normalize"
import type { DateTime, PaginatedResponse } from "./common"

/** GET /admin/whatsapp/stats: the funnel of carts submitted in [from, to). */
export type AdminWhatsAppStatsResponse = {
  from: string
  to: string
  account_id: string | null
  carts: { submitted: number; paid: number; awaiting_payment: number; abandoned: number; reminded: number; recovered: number }
  /** recovered / reminded; null when nothing was reminded. */
  recovery_rate: number | null
  /** Why reminders were not sent, by reason. */
  skipped_reminders: Record<string, number>
  revenue: { currency_code: string; paid: number; recovered: number }[]
  /**
   * Per recovery step: reminders that reached Meta, their links opened,
   * carts paid with this as their last step, and per currency the revenue
   * (Medusa's order totals) and the discount cost (Medusa's discount totals
   * of those orders).
   */
  by_step: {
    step: number
    sent: number
    clicked: number
    recovered: number
    revenue: { currency_code: string; total: number; discount: number }[]
  }[]
  /**
   * Carts per Click-to-WhatsApp ad or post (the conversation's latest referral
   * when the cart was made); revenue is the sum of Medusa's totals of the
   * orders those carts became, per currency.
   */
  by_ad: {
    source_id: string
    source_type: string | null
    headline: string | null
    source_url: string | null
    carts: number
    paid: number
    orders: number
    revenue: { currency_code: string; total: number }[]
  }[]
}

/** A product found for a typed message (workflows/selling/search-products.ts). */
export type AdminWhatsAppSearchMatch = {
  product_id: string
  variant_id: string | null
  /** True when the query named this variant's options (size, colour…). */
  matched_variant: boolean
  /** All the product's variants, in the product's order (from the index: no extra query). */
  variant_ids: string[]
  title: string
  handle: string | null
  score: number
}

/** GET /admin/whatsapp/search: a discovery query run as a customer's message would be. */
export type AdminWhatsAppSearchResponse = {
  account_id: string
  understood: ParsedQuery
  matches: AdminWhatsAppSearchMatch[]
  took_ms: number
}

/** GET /admin/whatsapp/webhook-events: stored deliveries, newest first. */
export type AdminWhatsAppWebhookEvent = {
  id: string
  raw_body: string
  received_at: DateTime
  status: "pending" | "processed" | "failed" | "ignored"
  processed_at: DateTime | null
  attempts: number
  next_attempt_at: DateTime | null
  last_error: string | null
  phone_number_ids: string[] | null
}
export type AdminWhatsAppWebhookEventListResponse = PaginatedResponse<"webhook_events", AdminWhatsAppWebhookEvent>

/** GET /admin/whatsapp/work: the work queue per kind (see docs/architecture.md). */
export type AdminWhatsAppWorkResponse = {
  work: {
    kind: "webhook_event" | "inbound_message" | "outbound_message" | "catalog_change" | "media_download" | "product_embedding" | "automation_run"
    /** Claimable now. */
    due: number
    /** Held by a worker (or, for incoming messages, waiting for a retry). */
    in_progress: number
    /** Given up in the last 7 days; each row keeps its reason. */
    given_up: number
  }[]
}
