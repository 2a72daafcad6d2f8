import { createHash } from "node:crypto"
import { Client, Environment, OrdersController, PaymentsController, ApiError } from "@paypal/paypal-server-sdk"
import type { Order } from "@paypal/paypal-server-sdk"
import { z } from "@medusajs/framework/zod"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { RateLimiterMemory } from "rate-limiter-flexible"
import { toDecimalString } from "../../lib/payments/minor-units"
import { AccessTokenCache } from "../../lib/payments/access-token-cache"
import { payPalHeaderProblem, PayPalWebhookHeaders } from "../../lib/payments/paypal-webhook-headers"
import {
  CreateRemoteInput,
  header,
  HostedPaymentProvider,
  rawBody,
  RemotePayment,
  WebhookOutcome,
  WebhookRateLimitedError,
  WebhookSignatureError,
} from "../hosted-payment-provider"
import { apiBaseSchema, parseProviderOptions } from "../provider-options"
import { redirectPayPalSdk } from "./sdk-base-url"

const optionsSchema = z.object({
  /** Env: PAYPAL_CLIENT_ID. */
  clientId: z.string().min(1),
  /** Env: PAYPAL_CLIENT_SECRET. */
  clientSecret: z.string().min(1),
  /** The id PayPal gave the webhook; verification needs it. Env: PAYPAL_WEBHOOK_ID. */
  webhookId: z.string().min(1),
  /** Env: PAYPAL_ENVIRONMENT. */
  environment: z.enum(["sandbox", "production"]).default("sandbox"),
  brandName: z.string().max(127).optional(),
  /** Only for the local sandbox and tests. Env: PAYPAL_API_BASE. */
  apiBase: apiBaseSchema,
  /**
   * At most this many webhook signatures sent to PayPal for verification per
   * window (below) and process; more are answered 429 and PayPal delivers
   * them again later. Env: PAYPAL_WEBHOOK_VERIFICATIONS_PER_WINDOW.
   */
  webhookVerificationsPerWindow: z.coerce.number().int().positive().max(100_000).default(120),
  /** The window, in seconds. Env: PAYPAL_WEBHOOK_VERIFICATION_WINDOW_SECONDS. */
  webhookVerificationWindowSeconds: z.coerce.number().int().positive().max(86_400).default(60),
})

type PayPalOptions = z.output<typeof optionsSchema>
const ENV = {
  clientId: "PAYPAL_CLIENT_ID",
  clientSecret: "PAYPAL_CLIENT_SECRET",
  webhookId: "PAYPAL_WEBHOOK_ID",
  environment: "PAYPAL_ENVIRONMENT",
  apiBase: "PAYPAL_API_BASE",
  webhookVerificationsPerWindow: "PAYPAL_WEBHOOK_VERIFICATIONS_PER_WINDOW",
  webhookVerificationWindowSeconds: "PAYPAL_WEBHOOK_VERIFICATION_WINDOW_SECONDS",
}
const VERIFIED_CACHE_SIZE = 1_000
const HOSTS = { sandbox: "https://api-m.sandbox.paypal.com", production: "https://api-m.paypal.com" }
/** PayPal takes no decimals for these, whatever ISO says. */
const PAYPAL_DECIMALS = { HUF: 0, TWD: 0, JPY: 0 }

type WebhookEvent = {
  event_type: string
  resource: {
    id?: string
    custom_id?: string
    purchase_units?: { custom_id?: string; amount?: { value: string } }[]
    amount?: { value: string }
  }
}

/**
 * PayPal Orders v2: the session becomes an order the customer approves on
 * PayPal; the capture runs when the customer returns or when the approval
 * webhook arrives, whichever is first (PayPal-Request-Id makes it run once).
 * Webhooks are verified by PayPal's verify-webhook-signature API.
 */
export class PayPalProviderService extends HostedPaymentProvider<PayPalOptions> {
  static identifier = "paypal"
  protected readonly orders_: OrdersController
  protected readonly payments_: PaymentsController
  protected readonly apiBase_: string
  /**
   * Webhooks whose signature PayPal already confirmed, by a hash of the
   * headers and body. The same delivery is read by the 400 check in front of
   * Medusa's route and by the subscribers behind it; PayPal is asked once.
   */
  protected readonly verified_ = new Map<string, Promise<void>>()
  /** The OAuth token for verify-webhook-signature, kept until shortly before it expires. */
  protected readonly webhookToken_: AccessTokenCache
  /** Bounds the calls a flood of plausible-looking webhooks can make us send to PayPal (rate-limiter-flexible). */
  protected readonly verifyLimiter_: RateLimiterMemory

  static validateOptions(options: Record<string, unknown>) {
    parseProviderOptions("paypal", optionsSchema, options, ENV)
  }

  constructor(container: Record<string, unknown>, options: Record<string, unknown>) {
    const parsed = parseProviderOptions("paypal", optionsSchema, options, ENV)
    super(container, parsed)
    const host = HOSTS[parsed.environment]
    this.apiBase_ = (parsed.apiBase ?? host).replace(/\/+$/, "")
    const client = new Client({
      clientCredentialsAuthCredentials: { oAuthClientId: parsed.clientId, oAuthClientSecret: parsed.clientSecret },
      environment: parsed.environment === "production" ? Environment.Production : Environment.Sandbox,
      timeout: 20_000,
      ...(parsed.apiBase ? { unstable_httpClientOptions: redirectPayPalSdk(host, parsed.apiBase) } : {}),
    })
    this.orders_ = new OrdersController(client)
    this.payments_ = new PaymentsController(client)
    this.webhookToken_ = new AccessTokenCache(() => this.requestAccessToken())
    this.verifyLimiter_ = new RateLimiterMemory({ points: parsed.webhookVerificationsPerWindow, duration: parsed.webhookVerificationWindowSeconds })
  }

  protected async createRemote(input: CreateRemoteInput): Promise<RemotePayment> {
    const { result } = await this.orders_.createOrder({
      paypalRequestId: `wa-order-${input.sessionId}`,
      prefer: "return=representation",
      body: {
        intent: "CAPTURE" as never,
        purchaseUnits: [
          {
            referenceId: input.sessionId,
            customId: input.sessionId,
            description: input.description.slice(0, 127),
            amount: { currencyCode: input.currency.toUpperCase(), value: toDecimalString(input.amount, input.currency, PAYPAL_DECIMALS) },
          },
        ],
        paymentSource: {
          paypal: {
            ...(input.email ? { emailAddress: input.email } : {}),
            experienceContext: {
              returnUrl: input.returnUrl,
              cancelUrl: input.cancelUrl,
              userAction: "PAY_NOW" as never,
              shippingPreference: "NO_SHIPPING" as never,
              ...(this.config.brandName ? { brandName: this.config.brandName } : {}),
              ...(input.locale ? { locale: input.locale } : {}),
            },
          },
        },
      },
    })
    return this.toRemote(result)
  }

  protected async fetchRemote(remoteId: string): Promise<RemotePayment> {
    const { result } = await this.orders_.getOrder({ id: remoteId })
    return this.toRemote(result)
  }

  /** An unapproved PayPal order cannot be cancelled; it lapses on its own after three hours. */
  protected async closeRemote(): Promise<void> {}

  protected async captureApproved(remote: RemotePayment): Promise<RemotePayment> {
    try {
      const { result } = await this.orders_.captureOrder({
        id: remote.id,
        paypalRequestId: `wa-capture-${remote.id}`,
        prefer: "return=representation",
      })
      return this.toRemote(result)
    } catch (error) {
      // The webhook and the customer's return raced; the other one captured.
      if (error instanceof ApiError && JSON.stringify(error.result ?? "").includes("ORDER_ALREADY_CAPTURED")) {
        return this.fetchRemote(remote.id)
      }
      throw error
    }
  }

  protected async refundRemote(details: Record<string, unknown>, amount: number, currency: string) {
    const { result } = await this.payments_.refundCapturedPayment({
      captureId: String(details.capture_id),
      body: { amount: { currencyCode: currency.toUpperCase(), value: toDecimalString(amount, currency, PAYPAL_DECIMALS) } },
    })
    return { id: result.id, status: result.status, amount }
  }

  protected async readWebhook(payload: ProviderWebhookPayload["payload"]): Promise<WebhookOutcome> {
    const body = rawBody(payload).toString("utf8")
    let event: WebhookEvent
    try {
      event = JSON.parse(body)
    } catch {
      throw new WebhookSignatureError("paypal", "the body is not JSON")
    }
    await this.verifySignature(payload.headers, event, body)
    const resource = event.resource ?? {}
    const sessionId = resource.custom_id ?? resource.purchase_units?.[0]?.custom_id
    if (!sessionId) return { kind: "ignored", reason: `${event.event_type} without a Medusa session` }
    const value = resource.amount?.value ?? resource.purchase_units?.[0]?.amount?.value
    const amount = value ? Number(value) : undefined
    switch (event.event_type) {
      case "CHECKOUT.ORDER.APPROVED":
        return { kind: "approved", sessionId, amount }
      case "PAYMENT.CAPTURE.COMPLETED":
        return { kind: "paid", sessionId, amount }
      case "PAYMENT.CAPTURE.DENIED":
      case "PAYMENT.CAPTURE.DECLINED":
        return { kind: "failed", sessionId, amount }
      case "CHECKOUT.ORDER.VOIDED":
        return { kind: "expired", sessionId, amount }
      default:
        return { kind: "ignored", reason: event.event_type }
    }
  }

  /**
   * PayPal signs with its certificate; its own API is the verifier it
   * documents. Headers that cannot be PayPal's (certificate off PayPal's
   * hosts, a transmission time far from now) are refused without asking it;
   * the same delivery is asked about once, however many times it is read.
   */
  private async verifySignature(headers: Record<string, unknown> | undefined, event: WebhookEvent, body: string) {
    const names = ["transmission-id", "transmission-time", "transmission-sig", "cert-url", "auth-algo"] as const
    const values = Object.fromEntries(names.map((n) => [n, header(headers, `paypal-${n}`)])) as PayPalWebhookHeaders
    const missing = names.filter((n) => !values[n])
    if (missing.length) throw new WebhookSignatureError("paypal", `missing PAYPAL-${missing.join(", PAYPAL-").toUpperCase()}`)
    const problem = payPalHeaderProblem(values, { now: new Date(), extraCertOrigin: this.config.apiBase })
    if (problem) throw new WebhookSignatureError("paypal", problem)
    const key = createHash("sha256").update(JSON.stringify([names.map((n) => values[n]), body])).digest("base64")
    let verification = this.verified_.get(key)
    if (!verification) {
      verification = this.askPayPal(values, event)
      if (this.verified_.size >= VERIFIED_CACHE_SIZE) this.verified_.delete(this.verified_.keys().next().value!)
      this.verified_.set(key, verification)
      // Only a confirmed signature is remembered; a refusal or an outage is asked about again next time.
      verification.catch(() => this.verified_.get(key) === verification && this.verified_.delete(key))
    }
    await verification
  }

  private async askPayPal(values: PayPalWebhookHeaders, event: WebhookEvent) {
    try {
      await this.verifyLimiter_.consume("verify-webhook-signature")
    } catch {
      throw new WebhookRateLimitedError("paypal", this.config.webhookVerificationWindowSeconds)
    }
    const token = await this.webhookToken_.get()
    const res = await fetch(`${this.apiBase_}/v1/notifications/verify-webhook-signature`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        auth_algo: values["auth-algo"],
        cert_url: values["cert-url"],
        transmission_id: values["transmission-id"],
        transmission_sig: values["transmission-sig"],
        transmission_time: values["transmission-time"],
        webhook_id: this.config.webhookId,
        webhook_event: event,
      }),
      signal: AbortSignal.timeout(20_000),
    })
    if (res.status === 401) this.webhookToken_.invalidate(token)
    if (!res.ok) throw new Error(`PayPal verify-webhook-signature answered ${res.status}`)
    const { verification_status } = (await res.json()) as { verification_status?: string }
    if (verification_status !== "SUCCESS") throw new WebhookSignatureError("paypal", `verification ${verification_status ?? "failed"}`)
  }

  private async requestAccessToken() {
    const res = await fetch(`${this.apiBase_}/v1/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
      signal: AbortSignal.timeout(20_000),
    })
    if (!res.ok) throw new Error(`PayPal token request answered ${res.status}`)
    const { access_token, expires_in } = (await res.json()) as { access_token: string; expires_in?: number }
    // PayPal documents expires_in (seconds); without it the token is used for one minute.
    return { accessToken: access_token, expiresInSeconds: Number(expires_in) > 0 ? Number(expires_in) : 60 }
  }

  private toRemote(order: Order): RemotePayment {
    const capture = order.purchaseUnits?.[0]?.payments?.captures?.[0]
    const status =
      order.status === "COMPLETED"
        ? capture?.status === "COMPLETED" ? "paid" : capture?.status === "DECLINED" || capture?.status === "FAILED" ? "failed" : "open"
        : order.status === "APPROVED"
          ? "approved"
          : order.status === "VOIDED"
            ? "canceled"
            : "open"
    const approve = order.links?.find((l) => l.rel === "payer-action" || l.rel === "approve")
    return {
      id: order.id!,
      url: approve?.href ?? null,
      status,
      details: { status: order.status, capture_id: capture?.id ?? null, capture_status: capture?.status ?? null },
    }
  }
}
