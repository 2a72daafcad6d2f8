import { GraphApiError } from "./errors"
import type {
  CatalogBatchStatus,
  CatalogItemsBatchResponse,
  CatalogProduct,
  CommerceSettings,
  GraphUsage,
  MessageTemplate,
  OutboundMessage,
  PhoneNumberInfo,
  SendMessageResponse,
} from "./types"
import { parseUsageHeaders } from "./usage"

export type GraphApiClientConfig = {
  baseUrl: string
  version: string
  accessToken: string
  timeoutMs?: number
  fetch?: typeof fetch
}

type RequestOptions = { query?: Record<string, string | number | boolean | undefined>; body?: unknown }

/** A small typed client for the Cloud API endpoints the plugin calls. */
export class GraphApiClient {
  /** Usage reported by the last response that carried usage headers. */
  lastUsage: GraphUsage | null = null
  private readonly fetch_: typeof fetch

  constructor(private readonly config: GraphApiClientConfig) {
    this.fetch_ = config.fetch ?? fetch
  }

  /** `to` is a phone (wa_id) or `{ recipient }` a business-scoped user ID (see lib/customer-identity). */
  sendMessage(phoneNumberId: string, to: string | { to: string } | { recipient: string }, message: OutboundMessage) {
    const recipient = typeof to === "string" ? { to } : to
    return this.request<SendMessageResponse>("POST", `${phoneNumberId}/messages`, {
      body: { messaging_product: "whatsapp", recipient_type: "individual", ...recipient, ...message },
    })
  }

  markAsRead(phoneNumberId: string, wamid: string) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/messages`, {
      body: { messaging_product: "whatsapp", status: "read", message_id: wamid },
    })
  }

  getPhoneNumber(phoneNumberId: string) {
    return this.request<PhoneNumberInfo>("GET", phoneNumberId, {
      query: {
        fields:
          "id,display_phone_number,verified_name,quality_rating,name_status,messaging_limit_tier,code_verification_status,throughput",
      },
    })
  }

  getSubscribedApps(wabaId: string) {
    return this.request<{ data: { whatsapp_business_api_data?: { id: string; name?: string } }[] }>(
      "GET",
      `${wabaId}/subscribed_apps`
    )
  }

  subscribeApp(wabaId: string) {
    return this.request<{ success: boolean }>("POST", `${wabaId}/subscribed_apps`)
  }

  listTemplates(wabaId: string, after?: string) {
    return this.request<{ data: MessageTemplate[]; paging?: { cursors?: { after?: string }; next?: string } }>(
      "GET",
      `${wabaId}/message_templates`,
      { query: { fields: "id,name,language,status,category,components", limit: 100, after } }
    )
  }

  getCommerceSettings(phoneNumberId: string) {
    return this.request<{ data: CommerceSettings[] }>("GET", `${phoneNumberId}/whatsapp_commerce_settings`)
  }

  updateCommerceSettings(phoneNumberId: string, settings: Partial<CommerceSettings>) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/whatsapp_commerce_settings`, {
      query: {
        is_cart_enabled: settings.is_cart_enabled === undefined ? undefined : String(settings.is_cart_enabled),
        is_catalog_visible: settings.is_catalog_visible === undefined ? undefined : String(settings.is_catalog_visible),
      },
    })
  }

  getCatalog(catalogId: string) {
    return this.request<{ id: string; name: string; product_count?: number }>("GET", catalogId, {
      query: { fields: "id,name,product_count" },
    })
  }

  /**
   * Sends up to 5000 CREATE/UPDATE/DELETE requests. `allow_upsert` is left at
   * Meta's default (true): an UPDATE creates a missing item.
   * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/
   */
  itemsBatch(catalogId: string, requests: unknown[]) {
    return this.request<CatalogItemsBatchResponse>("POST", `${catalogId}/items_batch`, {
      body: { item_type: "PRODUCT_ITEM", requests },
    })
  }

  /** A batch's status, with the retailer ids of every failed request (not only the sampled errors). */
  checkBatchStatus(catalogId: string, handle: string) {
    return this.request<{ data: CatalogBatchStatus[] }>("GET", `${catalogId}/check_batch_request_status`, {
      query: { handle, load_ids_of_invalid_requests: true },
    })
  }

  listCatalogProducts(catalogId: string, after?: string, limit = 500) {
    return this.request<{ data: CatalogProduct[]; paging?: { cursors?: { after?: string }; next?: string } }>(
      "GET",
      `${catalogId}/products`,
      { query: { fields: "id,retailer_id,name,price,availability,image_url,url,brand,visibility", limit, after } }
    )
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(`${this.config.baseUrl.replace(/\/$/, "")}/${this.config.version}/${path}`)
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    let response: Response
    try {
      response = await this.fetch_(url, {
        method,
        headers: {
          authorization: `Bearer ${this.config.accessToken}`,
          ...(options.body ? { "content-type": "application/json" } : {}),
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      })
    } catch (error) {
      throw GraphApiError.network(error)
    }
    this.lastUsage = parseUsageHeaders(response.headers) ?? this.lastUsage
    const text = await response.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = { error: { message: `Non-JSON answer (HTTP ${response.status}): ${text.slice(0, 200)}` } }
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get("retry-after"))
      throw GraphApiError.fromResponse(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null)
    }
    return body as T
  }
}
