/** Outbound message bodies as the Cloud API takes them (minus `messaging_product` and `to`). */

export type TextMessage = { type: "text"; text: { body: string; preview_url?: boolean } }

export type InteractiveBodyParts = {
  body?: { text: string }
  footer?: { text: string }
}

export type ProductInteractive = InteractiveBodyParts & {
  type: "product"
  action: { catalog_id: string; product_retailer_id: string }
}

export type ProductListSection = { title: string; product_items: { product_retailer_id: string }[] }

export type ProductListInteractive = InteractiveBodyParts & {
  type: "product_list"
  header: { type: "text"; text: string }
  body: { text: string }
  action: { catalog_id: string; sections: ProductListSection[] }
}

export type CatalogInteractive = InteractiveBodyParts & {
  type: "catalog_message"
  body: { text: string }
  action: { name: "catalog_message"; parameters?: { thumbnail_product_retailer_id?: string } }
}

export type CtaUrlInteractive = InteractiveBodyParts & {
  type: "cta_url"
  header?: { type: "text"; text: string }
  body: { text: string }
  action: { name: "cta_url"; parameters: { display_text: string; url: string } }
}

export type ButtonInteractive = InteractiveBodyParts & {
  type: "button"
  header?: { type: "text"; text: string }
  body: { text: string }
  action: { buttons: { type: "reply"; reply: { id: string; title: string } }[] }
}

export type Interactive =
  | ProductInteractive
  | ProductListInteractive
  | CatalogInteractive
  | CtaUrlInteractive
  | ButtonInteractive

export type InteractiveMessage = { type: "interactive"; interactive: Interactive }

export type TemplateParameter =
  | { type: "text"; text: string }
  | { type: "currency"; currency: { fallback_value: string; code: string; amount_1000: number } }
  | { type: "date_time"; date_time: { fallback_value: string } }

export type TemplateComponent =
  | { type: "header" | "body"; parameters: TemplateParameter[] }
  | { type: "button"; sub_type: "url" | "quick_reply"; index: string; parameters: TemplateParameter[] }

export type TemplateMessage = {
  type: "template"
  template: { name: string; language: { code: string }; components?: TemplateComponent[] }
}

/** An uploaded file (`id`) or a hosted one (`link`); `filename` for documents only. */
export type MediaObject = { id?: string; link?: string; caption?: string; filename?: string }
export type ImageMessage = { type: "image"; image: MediaObject }
export type DocumentMessage = { type: "document"; document: MediaObject }

export type OutboundMessage = TextMessage | InteractiveMessage | TemplateMessage | ImageMessage | DocumentMessage

export type SendMessageResponse = {
  messaging_product: "whatsapp"
  /** `wa_id` when the send used a phone, `user_id` when it used a BSUID (Meta's BSUID page). */
  contacts: { input: string; wa_id?: string; user_id?: string }[]
  messages: { id: string; message_status?: string }[]
}

export type PhoneNumberInfo = {
  id: string
  display_phone_number: string
  verified_name: string
  quality_rating?: string
  name_status?: string
  messaging_limit_tier?: string
  code_verification_status?: string
  /** PENDING, CONNECTED, DISCONNECTED, FLAGGED, RESTRICTED… */
  status?: string
  /** CLOUD_API once registered, NOT_APPLICABLE before. */
  platform_type?: string
  throughput?: { level: string }
}

/** `GET /debug_token` data: which permissions a token holds, and on which objects (`target_ids`, absent: all). */
export type DebugTokenData = {
  app_id?: string
  type?: string
  is_valid: boolean
  scopes?: string[]
  granular_scopes?: { scope: string; target_ids?: string[] }[]
  expires_at?: number
  error?: { code: number; message: string }
}

export type MessageTemplate = {
  id: string
  name: string
  language: string
  status: string
  category: string
  components?: unknown[]
}

export type CommerceSettings = { id?: string; is_cart_enabled: boolean; is_catalog_visible: boolean }

/** Parsed `X-App-Usage` / `X-Business-Use-Case-Usage`: the highest percentage seen. */
export type GraphUsage = { maxPercent: number; regainAccessMinutes: number }

export type CatalogBatchIssue = { line?: number; id?: string | null; message: string }

/**
 * `items_batch`'s answer: `handles` holds 0 or 1 value, empty meaning nothing
 * was ingested; `validation_status` carries intake errors per retailer id.
 * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/
 */
export type CatalogItemsBatchResponse = {
  handles: string[]
  validation_status?: { retailer_id: string; errors?: { message: string }[]; warnings?: { message: string }[] }[]
}

/**
 * One `check_batch_request_status` node. `errors` and `warnings` are samples
 * (the totals are in the counts); `ids_of_invalid_requests` is filled only
 * when asked for with `load_ids_of_invalid_requests=true`.
 * https://developers.facebook.com/docs/marketing-api/reference/check-batch-request-status/
 */
export type CatalogBatchStatus = {
  handle: string
  status: "scheduled" | "dispatched" | "started" | "finished" | "canceled" | "error" | string
  errors_total_count?: number
  errors?: CatalogBatchIssue[]
  warnings_total_count?: number
  warnings?: CatalogBatchIssue[]
  ids_of_invalid_requests?: string[]
}

export type CatalogProduct = {
  id: string
  retailer_id: string
  name?: string
  price?: string
  availability?: string
  image_url?: string
  url?: string
  brand?: string
  visibility?: string
}

/** A product catalog as `owned_product_catalogs` and a WABA's `product_catalogs` list it. */
export type MetaCatalog = { id: string; name: string; vertical?: string; product_count?: number }

/** `GET /{waba-id}?fields=id,name,owner_business_info,business_verification_status`. */
export type WabaBusinessInfo = {
  id: string
  name?: string
  owner_business_info?: { id: string; name?: string }
  business_verification_status?: string
}

/** The phone number fields the account page explains (lib/meta-status). */
export type PhoneNumberStatus = PhoneNumberInfo & {
  status?: string
  new_name_status?: string
  is_official_business_account?: boolean
  whatsapp_business_manager_messaging_limit?: string
}
