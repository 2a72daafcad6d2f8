import { GraphApiError } from "./errors"
import type {
  CatalogBatchStatus,
  CatalogItemsBatchResponse,
  CatalogProduct,
  CommerceSettings,
  DebugTokenData,
  GraphUsage,
  MessageTemplate,
  MetaCatalog,
  OutboundMessage,
  PhoneNumberInfo,
  PhoneNumberStatus,
  SendMessageResponse,
  WabaBusinessInfo,
} from "./types"
import { parseUsageHeaders } from "./usage"

export type GraphApiClientConfig = {
  baseUrl: string
  version: string
  accessToken: string
  timeoutMs?: number
  fetch?: typeof fetch
}

type RequestOptions = { query?: Record<string, string | number | boolean | undefined>; body?: unknown; form?: FormData; noBearer?: boolean }

export type MediaInfo = { messaging_product: "whatsapp"; url: string; mime_type: string; sha256: string; file_size: number | string; id: string }

/** A download that ran past the limit of its media type. */
export class MediaTooLargeError extends Error {
  readonly name = "MediaTooLargeError"
  constructor(readonly size: number, readonly maxBytes: number) {
    super(`media is larger than ${maxBytes} bytes (read ${size} so far)`)
  }
}

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

  /**
   * The number's fields as Meta documents them (WhatsApp Business Phone Number API:
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/whatsapp-business-account-phone-number-api).
   */
  getPhoneNumber(phoneNumberId: string) {
    return this.request<PhoneNumberInfo>("GET", phoneNumberId, {
      query: {
        fields:
          "id,display_phone_number,verified_name,quality_rating,name_status,messaging_limit_tier,code_verification_status,status,platform_type,throughput",
      },
    })
  }

  /**
   * Exchanges Embedded Signup's code for a business token, server to server:
   * `GET /oauth/access_token?client_id&client_secret&code`
   * (https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation/).
   * No bearer: the app's id and secret authenticate the call.
   */
  exchangeCode(appId: string, appSecret: string, code: string) {
    return this.request<{ access_token: string; token_type?: string; expires_in?: number }>("GET", "oauth/access_token", {
      query: { client_id: appId, client_secret: appSecret, code },
      noBearer: true,
    })
  }

  /**
   * What a token may do: `GET /debug_token?input_token=` with this client's
   * token being the app token (`{app-id}|{app-secret}`)
   * (https://developers.facebook.com/docs/graph-api/reference/debug_token).
   */
  debugToken(inputToken: string) {
    return this.request<{ data: DebugTokenData }>("GET", "debug_token", { query: { input_token: inputToken } })
  }

  /** Undoes subscribeApp (`DELETE /{waba-id}/subscribed_apps`). */
  unsubscribeApp(wabaId: string) {
    return this.request<{ success: boolean }>("DELETE", `${wabaId}/subscribed_apps`)
  }

  /**
   * Registers the number for Cloud API with its two-step verification PIN
   * (6 digits; set on the number by the first registration). Meta: at most
   * 10 registrations per number in 72 hours (133016).
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration/
   */
  registerPhoneNumber(phoneNumberId: string, pin: string) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/register`, { body: { messaging_product: "whatsapp", pin } })
  }

  /** Undoes registerPhoneNumber (`POST /{phone-number-id}/deregister`, same page). */
  deregisterPhoneNumber(phoneNumberId: string) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/deregister`, { body: { messaging_product: "whatsapp" } })
  }

  /**
   * Sends a verification code to the number by SMS or voice call
   * (https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/request_code/).
   * Sent in the body: Graph API takes parameters there as in the query, and a body stays out of URL logs.
   */
  requestVerificationCode(phoneNumberId: string, codeMethod: "SMS" | "VOICE", language: string) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/request_code`, { body: { code_method: codeMethod, language } })
  }

  /** Checks the code the number received (`POST /{phone-number-id}/verify_code`, reference beside request_code). */
  verifyCode(phoneNumberId: string, code: string) {
    return this.request<{ success: boolean }>("POST", `${phoneNumberId}/verify_code`, { body: { code } })
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

  /** Submits a template for Meta's review (Template fundamentals: POST /{waba-id}/message_templates). */
  createMessageTemplate(wabaId: string, template: { name: string; language: string; category: string; components: unknown[] }) {
    return this.request<{ id: string; status: string; category: string }>("POST", `${wabaId}/message_templates`, { body: template })
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

  /**
   * A media's details and a download URL that expires after 5 minutes:
   * `GET /{media-id}` → { messaging_product, url, mime_type, sha256, file_size, id }
   * (Media reference: https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media/).
   */
  getMedia(mediaId: string) {
    return this.request<MediaInfo>("GET", encodeURIComponent(mediaId))
  }

  /**
   * Downloads a media URL with the bearer token (Meta: "If you omit your
   * token, the request will fail"). Stops reading past `maxBytes`, so a
   * file larger than announced never fills memory.
   */
  async downloadMedia(url: string, maxBytes: number): Promise<{ bytes: Buffer; contentType: string | null }> {
    let response: Response
    try {
      response = await this.fetch_(url, {
        headers: { authorization: `Bearer ${this.config.accessToken}` },
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 60_000),
      })
    } catch (error) {
      throw GraphApiError.network(error)
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "")
      let body: unknown = null
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        body = null
      }
      throw GraphApiError.fromResponse(response.status, body, null)
    }
    const chunks: Buffer[] = []
    let size = 0
    const reader = response.body?.getReader()
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => {})
        throw new MediaTooLargeError(size, maxBytes)
      }
      chunks.push(Buffer.from(value))
    }
    return { bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type") }
  }

  /**
   * Uploads a file for sending: multipart `POST /{phone-number-id}/media`
   * with `file`, `type` (its MIME type) and `messaging_product=whatsapp`;
   * Meta answers `{ id }`, usable in messages for 30 days.
   */
  async uploadMedia(phoneNumberId: string, file: { bytes: Buffer; mimeType: string; filename: string }): Promise<{ id: string }> {
    const form = new FormData()
    form.set("messaging_product", "whatsapp")
    form.set("type", file.mimeType)
    form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.filename)
    return this.request<{ id: string }>("POST", `${phoneNumberId}/media`, { form })
  }

  // ---------------------------------------------------------------------------
  // Connect Meta catalog and the account's Meta statuses (issue 20, catalog step).
  // ---------------------------------------------------------------------------

  /**
   * The catalogs the business owns: `GET /{business-id}/owned_product_catalogs`
   * answers `{ data: ProductCatalog[], paging }`; error 200 is "Permissions error".
   * https://developers.facebook.com/documentation/ads-commerce/marketing-api/reference/business/owned_product_catalogs
   */
  listBusinessCatalogs(businessId: string) {
    return this.request<{ data: MetaCatalog[]; paging?: unknown }>("GET", `${businessId}/owned_product_catalogs`, {
      query: { fields: "id,name,vertical,product_count", limit: 100 },
    })
  }

  /**
   * Creates a catalog in the business: `POST /{business-id}/owned_product_catalogs`
   * with `name` and `vertical` (`commerce` for products) answers `{ id }`.
   * https://developers.facebook.com/documentation/ads-commerce/marketing-api/reference/business/owned_product_catalogs
   */
  createBusinessCatalog(businessId: string, name: string, vertical: "commerce" = "commerce") {
    return this.request<{ id: string }>("POST", `${businessId}/owned_product_catalogs`, { body: { name, vertical } })
  }

  /**
   * The catalog connected to the WABA (a WABA has one): `GET /{waba-id}/product_catalogs`
   * (needs catalog_management besides whatsapp_business_management).
   * https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/product_catalogs/
   */
  getWabaCatalogs(wabaId: string) {
    return this.request<{ data: MetaCatalog[] }>("GET", `${wabaId}/product_catalogs`, {
      query: { fields: "id,name,vertical,product_count" },
    })
  }

  /** Connects a catalog to the WABA: `POST /{waba-id}/product_catalogs` `{ catalog_id }` → `{ success }` (same page). */
  connectWabaCatalog(wabaId: string, catalogId: string) {
    return this.request<{ success: boolean }>("POST", `${wabaId}/product_catalogs`, { body: { catalog_id: catalogId } })
  }

  /**
   * Disconnects it: `DELETE /{waba-id}/product_catalogs?catalog_id=…` → `{ success }`.
   * The current reference page lists no DELETE (older versions of it did, with
   * `catalog_id` required); it is what WhatsApp Manager's "Disconnect catalog" does.
   */
  disconnectWabaCatalog(wabaId: string, catalogId: string) {
    return this.request<{ success: boolean }>("DELETE", `${wabaId}/product_catalogs`, { query: { catalog_id: catalogId } })
  }

  /**
   * The WABA's business portfolio and its verification status, with the WABA's
   * own token (`owner_business_info`, as Meta's partner-led verification page
   * says to read the business id; `business_verification_status` on the WABA node).
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/partner-led-business-verification
   */
  getWabaBusiness(wabaId: string) {
    return this.request<WabaBusinessInfo>("GET", wabaId, {
      query: { fields: "id,name,owner_business_info,business_verification_status" },
    })
  }

  /**
   * The number's statuses the account page explains. `messaging_limit_tier`
   * is deprecated for `whatsapp_business_manager_messaging_limit`; both are
   * asked so an older answer still has a tier.
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits
   */
  getPhoneNumberStatus(phoneNumberId: string) {
    return this.request<PhoneNumberStatus>("GET", phoneNumberId, {
      query: {
        fields:
          "id,display_phone_number,verified_name,status,code_verification_status,name_status,new_name_status,is_official_business_account,quality_rating,whatsapp_business_manager_messaging_limit,messaging_limit_tier",
      },
    })
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
          ...(options.noBearer ? {} : { authorization: `Bearer ${this.config.accessToken}` }),
          ...(options.body ? { "content-type": "application/json" } : {}),
        },
        body: options.form ?? (options.body ? JSON.stringify(options.body) : undefined),
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
