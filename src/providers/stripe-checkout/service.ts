import Stripe from "stripe"
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
  /** Secret key (sk_live_… / sk_test_…). Env: STRIPE_API_KEY. */
  apiKey: z.string().min(1),
  /** The webhook endpoint's signing secret (whsec_…). Env: STRIPE_WEBHOOK_SECRET. */
  webhookSecret: z.string().min(1),
  /** How long a Checkout Session stays payable: Stripe allows 30 min to 24 h. */
  sessionTtlMinutes: z.number().int().min(30).max(24 * 60).default(24 * 60),
  /** Only for the sandbox and tests: where the Stripe API is. Env: STRIPE_API_BASE. */
  apiBase: apiBaseSchema,
})

type StripeCheckoutOptions = z.output<typeof optionsSchema>
const ENV = { apiKey: "STRIPE_API_KEY", webhookSecret: "STRIPE_WEBHOOK_SECRET", apiBase: "STRIPE_API_BASE" }

/** Stripe's own limit on how old a signed webhook may be. */
const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * Stripe Checkout: Medusa's payment session becomes a Checkout Session the
 * customer pays on Stripe's page. `metadata.session_id` ties every webhook
 * back to the payment session; events from other integrations on the same
 * Stripe account carry none and are ignored.
 */
export class StripeCheckoutProviderService extends HostedPaymentProvider<StripeCheckoutOptions> {
  static identifier = "stripe-checkout"
  protected readonly stripe_: Stripe

  static validateOptions(options: Record<string, unknown>) {
    parseProviderOptions("stripe-checkout", optionsSchema, options, ENV)
  }

  constructor(container: Record<string, unknown>, options: Record<string, unknown>) {
    const parsed = parseProviderOptions("stripe-checkout", optionsSchema, options, ENV)
    super(container, parsed)
    const base = parsed.apiBase ? new URL(parsed.apiBase) : null
    this.stripe_ = new Stripe(parsed.apiKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: "medusa-plugin-whatsapp-commerce" },
      ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
    })
  }

  protected async createRemote(input: CreateRemoteInput): Promise<RemotePayment> {
    const session = await this.stripe_.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: input.currency.toLowerCase(),
              unit_amount: toMinorUnits(input.amount, input.currency),
              product_data: { name: input.description },
            },
          },
        ],
        customer_email: input.email,
        client_reference_id: input.sessionId,
        metadata: { session_id: input.sessionId },
        payment_intent_data: { metadata: { session_id: input.sessionId } },
        success_url: input.returnUrl,
        cancel_url: input.cancelUrl,
        expires_at: Math.floor(Date.now() / 1000) + this.config.sessionTtlMinutes * 60,
        ...(input.locale ? { locale: input.locale as Stripe.Checkout.SessionCreateParams.Locale } : {}),
      },
      // One Checkout Session per Medusa payment session, however often the call is retried.
      { idempotencyKey: `wa-checkout-${input.sessionId}` }
    )
    return this.toRemote(session)
  }

  protected async fetchRemote(remoteId: string): Promise<RemotePayment> {
    return this.toRemote(await this.stripe_.checkout.sessions.retrieve(remoteId))
  }

  protected async closeRemote(remote: RemotePayment): Promise<void> {
    await this.stripe_.checkout.sessions.expire(remote.id)
  }

  protected async refundRemote(details: Record<string, unknown>, amount: number, currency: string) {
    const refund = await this.stripe_.refunds.create({
      payment_intent: String(details.payment_intent),
      amount: toMinorUnits(amount, currency),
    })
    return { id: refund.id, status: refund.status, amount }
  }

  protected async readWebhook(payload: ProviderWebhookPayload["payload"]): Promise<WebhookOutcome> {
    let event: Stripe.Event
    try {
      event = this.stripe_.webhooks.constructEvent(
        rawBody(payload),
        header(payload.headers, "stripe-signature") ?? "",
        this.config.webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS
      )
    } catch (error) {
      throw new WebhookSignatureError("stripe-checkout", (error as Error).message)
    }
    if (!event.type.startsWith("checkout.session.")) {
      return { kind: "ignored", reason: event.type }
    }
    const session = event.data.object as Stripe.Checkout.Session
    const sessionId = session.metadata?.session_id
    if (!sessionId) return { kind: "ignored", reason: "not a Medusa session" }
    const amount = session.amount_total == null ? undefined : fromMinorUnits(session.amount_total, session.currency ?? "usd")
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        // A delayed method (SEPA, Boleto…) completes the session unpaid; its money arrives later.
        return session.payment_status === "paid" ? { kind: "paid", sessionId, amount } : { kind: "ignored", reason: "payment pending" }
      case "checkout.session.async_payment_failed":
        return { kind: "failed", sessionId, amount }
      case "checkout.session.expired":
        return { kind: "expired", sessionId, amount }
      default:
        return { kind: "ignored", reason: event.type }
    }
  }

  private toRemote(session: Stripe.Checkout.Session): RemotePayment {
    const status =
      session.payment_status === "paid" || session.payment_status === "no_payment_required"
        ? "paid"
        : session.status === "expired"
          ? "expired"
          : "open"
    return {
      id: session.id,
      url: session.url,
      status,
      details: {
        status: session.status,
        payment_status: session.payment_status,
        payment_intent: typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id ?? null,
        amount_total: session.amount_total,
        currency: session.currency,
      },
    }
  }
}
