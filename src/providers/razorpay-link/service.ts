import Razorpay from "razorpay"
import { z } from "@medusajs/framework/zod"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { fromMinorUnits, toMinorUnits } from "../../lib/payments/minor-units"
import {
  CreateRemoteInput,
  header,
  HostedPaymentProvider,
  rawBody,
  RemotePayment,
  WebhookOutcome,
  WebhookSignatureError,
} from "../hosted-payment-provider"
import { apiBaseSchema, parseProviderOptions } from "../provider-options"

const optionsSchema = z.object({
  /** Env: RAZORPAY_KEY_ID. */
  keyId: z.string().min(1),
  /** Env: RAZORPAY_KEY_SECRET. */
  keySecret: z.string().min(1),
  /** The secret set on the webhook in Razorpay's dashboard. Env: RAZORPAY_WEBHOOK_SECRET. */
  webhookSecret: z.string().min(1),
  /** How long a Payment Link stays payable: Razorpay allows 15 min to 6 months. */
  linkTtlMinutes: z.number().int().min(16).max(180 * 24 * 60).default(24 * 60),
  /** Only for the sandbox and tests: where the Razorpay API is. Env: RAZORPAY_API_BASE. */
  apiBase: apiBaseSchema,
})

type RazorpayLinkOptions = z.output<typeof optionsSchema>
const ENV = { keyId: "RAZORPAY_KEY_ID", keySecret: "RAZORPAY_KEY_SECRET", webhookSecret: "RAZORPAY_WEBHOOK_SECRET", apiBase: "RAZORPAY_API_BASE" }

type PaymentLink = {
  id: string
  short_url: string
  status: "created" | "partially_paid" | "expired" | "cancelled" | "paid"
  amount: number
  amount_paid?: number
  currency: string
  reference_id?: string
  notes?: Record<string, string> | null
  payments?: { payment_id: string; status: string }[] | null
}

/**
 * Razorpay Payment Links. The link's `reference_id` is Medusa's payment
 * session id: unique per link at Razorpay, and what every webhook carries
 * back, so an event maps to exactly one session.
 */
export class RazorpayLinkProviderService extends HostedPaymentProvider<RazorpayLinkOptions> {
  static identifier = "razorpay-link"
  protected readonly razorpay_: Razorpay

  static validateOptions(options: Record<string, unknown>) {
    parseProviderOptions("razorpay-link", optionsSchema, options, ENV)
  }

  constructor(container: Record<string, unknown>, options: Record<string, unknown>) {
    const parsed = parseProviderOptions("razorpay-link", optionsSchema, options, ENV)
    super(container, parsed)
    this.razorpay_ = new Razorpay({ key_id: parsed.keyId, key_secret: parsed.keySecret })
    if (parsed.apiBase) {
      // The SDK has no host option; its axios instance is the documented seam.
      ;(this.razorpay_ as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = parsed.apiBase.replace(/\/+$/, "")
    }
  }

  protected async createRemote(input: CreateRemoteInput): Promise<RemotePayment> {
    const link = (await this.razorpay_.paymentLink.create({
      amount: toMinorUnits(input.amount, input.currency),
      currency: input.currency.toUpperCase(),
      accept_partial: false,
      description: input.description.slice(0, 2048),
      reference_id: input.sessionId,
      customer: {
        ...(input.customerName ? { name: input.customerName } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { contact: input.phone } : {}),
      },
      // The customer already has the link in WhatsApp; Razorpay's SMS and email would repeat it.
      notify: { sms: false, email: false },
      reminder_enable: false,
      notes: { session_id: input.sessionId },
      callback_url: input.returnUrl,
      callback_method: "get",
      expire_by: Math.floor(Date.now() / 1000) + this.config.linkTtlMinutes * 60,
    } as Parameters<Razorpay["paymentLink"]["create"]>[0])) as unknown as PaymentLink
    return this.toRemote(link)
  }

  protected async fetchRemote(remoteId: string): Promise<RemotePayment> {
    return this.toRemote((await this.razorpay_.paymentLink.fetch(remoteId)) as unknown as PaymentLink)
  }

  protected async closeRemote(remote: RemotePayment): Promise<void> {
    await this.razorpay_.paymentLink.cancel(remote.id)
  }

  protected async refundRemote(details: Record<string, unknown>, amount: number, currency: string) {
    const refund = await this.razorpay_.payments.refund(String(details.payment_id), { amount: toMinorUnits(amount, currency) })
    return { id: refund.id, status: refund.status, amount }
  }

  protected async readWebhook(payload: ProviderWebhookPayload["payload"]): Promise<WebhookOutcome> {
    const body = rawBody(payload)
    const signature = header(payload.headers, "x-razorpay-signature")
    let valid = false
    try {
      valid = !!signature && Razorpay.validateWebhookSignature(body.toString("utf8"), signature, this.config.webhookSecret)
    } catch {
      valid = false
    }
    if (!valid) throw new WebhookSignatureError("razorpay-link", "X-Razorpay-Signature does not match the body")

    const event = JSON.parse(body.toString("utf8")) as {
      event: string
      payload: {
        payment_link?: { entity: PaymentLink }
        payment?: { entity: { amount: number; currency: string; notes?: Record<string, string> | null } }
      }
    }
    const link = event.payload.payment_link?.entity
    const payment = event.payload.payment?.entity
    const sessionId = link?.reference_id || link?.notes?.session_id || payment?.notes?.session_id
    if (!sessionId) return { kind: "ignored", reason: `${event.event} without a Medusa session` }
    const amount = link ? fromMinorUnits(link.amount, link.currency) : payment ? fromMinorUnits(payment.amount, payment.currency) : undefined
    switch (event.event) {
      case "payment_link.paid":
        return { kind: "paid", sessionId, amount }
      case "payment.failed":
        return { kind: "failed", sessionId, amount }
      case "payment_link.expired":
      case "payment_link.cancelled":
        return { kind: "expired", sessionId, amount }
      default:
        return { kind: "ignored", reason: event.event }
    }
  }

  private toRemote(link: PaymentLink): RemotePayment {
    const status = link.status === "paid" ? "paid" : link.status === "expired" ? "expired" : link.status === "cancelled" ? "canceled" : "open"
    const captured = link.payments?.find((p) => p.status === "captured")
    return {
      id: link.id,
      url: link.short_url,
      status,
      details: { status: link.status, amount_paid: link.amount_paid ?? 0, payment_id: captured?.payment_id ?? null, currency: link.currency },
    }
  }
}
