import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { describeError } from "../lib/safe-error"

/** Where the provider's page is in its life, in one vocabulary for all providers. */
export type RemoteStatus = "open" | "approved" | "paid" | "failed" | "expired" | "canceled"

export type RemotePayment = {
  /** The provider's id: Checkout Session, Payment Link or PayPal order. */
  id: string
  url: string | null
  status: RemoteStatus
  /** What the provider reported, kept on the payment session for support. */
  details: Record<string, unknown>
}

export type CreateRemoteInput = {
  sessionId: string
  amount: number
  currency: string
  returnUrl: string
  cancelUrl: string
  email?: string
  customerName?: string
  phone?: string
  locale?: string
  description: string
}

export type WebhookOutcome =
  | { kind: "paid" | "approved" | "failed" | "expired"; sessionId: string; amount?: number }
  | { kind: "ignored"; reason: string }

/** A webhook whose signature does not verify. The HTTP layer answers 400. */
export class WebhookSignatureError extends MedusaError {
  constructor(provider: string, reason: string) {
    super(MedusaError.Types.UNAUTHORIZED, `${provider} webhook rejected: ${reason}`)
  }
}

/** Too many webhooks to verify right now: the HTTP layer answers 429, and the provider delivers again later. */
export class WebhookRateLimitedError extends MedusaError {
  constructor(provider: string, readonly retryAfterSeconds: number) {
    super(MedusaError.Types.NOT_ALLOWED, `${provider} webhook not verified now: too many verifications, retry later`)
  }
}

/** Session data the checkout page passes when it creates the payment session. */
type SessionData = {
  session_id?: string
  return_url?: string
  cancel_url?: string
  email?: string
  customer_name?: string
  phone?: string
  locale?: string
  description?: string
  remote_id?: string
  checkout_url?: string
  remote_status?: RemoteStatus
  currency?: string
}

const STATUS: Record<RemoteStatus, GetPaymentStatusOutput["status"]> = {
  open: PaymentSessionStatus.PENDING,
  approved: PaymentSessionStatus.PENDING,
  paid: PaymentSessionStatus.CAPTURED,
  failed: PaymentSessionStatus.ERROR,
  expired: PaymentSessionStatus.CANCELED,
  canceled: PaymentSessionStatus.CANCELED,
}

/**
 * The logic every hosted-page provider shares: the customer pays on the
 * provider's page, the provider captures, and Medusa learns it from the
 * webhook or from the customer's return, whichever comes first. Subclasses
 * only speak their provider's API.
 */
export abstract class HostedPaymentProvider<TOptions> extends AbstractPaymentProvider<TOptions> {
  protected readonly logger_: Logger

  protected constructor(container: Record<string, unknown>, options: TOptions) {
    super(container, options)
    this.logger_ = container.logger as Logger
  }

  protected abstract createRemote(input: CreateRemoteInput): Promise<RemotePayment>
  protected abstract fetchRemote(remoteId: string): Promise<RemotePayment>
  /** Closes a page nobody paid on; a no-op when it is no longer open. */
  protected abstract closeRemote(remote: RemotePayment): Promise<void>
  protected abstract refundRemote(details: Record<string, unknown>, amount: number, currency: string): Promise<Record<string, unknown>>
  /** Verifies the signature (throws WebhookSignatureError) and says what happened. */
  protected abstract readWebhook(payload: ProviderWebhookPayload["payload"]): Promise<WebhookOutcome>
  /** PayPal needs a capture after approval; the others capture on their page. */
  protected async captureApproved(remote: RemotePayment): Promise<RemotePayment> {
    return remote
  }

  async initiatePayment({ amount, currency_code, data, context }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const input = (data ?? {}) as SessionData
    const sessionId = input.session_id ?? context?.idempotency_key
    if (!sessionId || !input.return_url || !input.cancel_url) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${this.getIdentifier()} needs data.return_url and data.cancel_url: the customer pays on the provider's page and comes back there`
      )
    }
    const remote = await this.createRemote({
      sessionId,
      amount: Number(amount),
      currency: currency_code,
      returnUrl: input.return_url,
      cancelUrl: input.cancel_url,
      email: input.email ?? context?.customer?.email ?? undefined,
      customerName: input.customer_name,
      phone: input.phone,
      locale: input.locale,
      description: input.description ?? "Order",
    })
    return { id: remote.id, status: STATUS[remote.status], data: { ...this.sessionData(input, sessionId, remote), currency: currency_code } }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    let remote = await this.fetchRemote(this.remoteId(data))
    if (remote.status === "approved") {
      remote = await this.captureApproved(remote)
    }
    return { status: STATUS[remote.status], data: this.sessionData(data as SessionData, undefined, remote) }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const remote = await this.fetchRemote(this.remoteId(data))
    return { status: STATUS[remote.status], data: this.sessionData(data as SessionData, undefined, remote) }
  }

  /** The provider's page already captured the money (PayPal's capture ran in authorizePayment). */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: data ?? {} }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    if (!data?.remote_id) return { data: data ?? {} }
    const remote = await this.fetchRemote(String(data.remote_id))
    if (remote.status === "open") await this.closeRemote(remote)
    return { data: { ...data, remote_status: remote.status === "open" ? "canceled" : remote.status } }
  }

  /** Medusa deletes a session when the customer starts another: its page must stop taking money. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    try {
      return await this.cancelPayment(input)
    } catch (error) {
      this.logger_.warn(`${this.getIdentifier()}: could not close payment page ${String(input.data?.remote_id)}: ${describeError(error)}`)
      return { data: input.data ?? {} }
    }
  }

  async refundPayment({ data, amount }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const details = (data?.details ?? {}) as Record<string, unknown>
    const currency = String(data?.currency ?? "")
    const refund = await this.refundRemote(details, Number(amount), currency)
    return { data: { ...data, refunds: [...((data?.refunds as unknown[]) ?? []), refund] } }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const remote = await this.fetchRemote(this.remoteId(data))
    return { data: this.sessionData(data as SessionData, undefined, remote) }
  }

  /** A page's amount is fixed: a changed cart gets a new page and the old one is closed. */
  async updatePayment({ data, amount, currency_code, context }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    await this.deletePayment({ data })
    const created = await this.initiatePayment({ amount, currency_code, data: data as Record<string, unknown>, context })
    return { status: created.status, data: created.data }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const outcome = await this.readWebhook(payload)
    switch (outcome.kind) {
      case "paid":
        return { action: PaymentActions.SUCCESSFUL, data: { session_id: outcome.sessionId, amount: outcome.amount ?? 0 } }
      case "approved":
        return { action: PaymentActions.AUTHORIZED, data: { session_id: outcome.sessionId, amount: outcome.amount ?? 0 } }
      case "failed":
        return { action: PaymentActions.FAILED, data: { session_id: outcome.sessionId, amount: outcome.amount ?? 0 } }
      case "expired":
        return { action: PaymentActions.CANCELED, data: { session_id: outcome.sessionId, amount: outcome.amount ?? 0 } }
      default:
        return { action: PaymentActions.NOT_SUPPORTED }
    }
  }

  private remoteId(data: Record<string, unknown> | undefined): string {
    if (!data?.remote_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${this.getIdentifier()}: the payment session has no provider id`)
    }
    return String(data.remote_id)
  }

  private sessionData(input: SessionData, sessionId: string | undefined, remote: RemotePayment): Record<string, unknown> {
    return {
      ...input,
      ...(sessionId ? { session_id: sessionId } : {}),
      remote_id: remote.id,
      checkout_url: remote.url ?? input.checkout_url ?? null,
      remote_status: remote.status,
      details: remote.details,
    }
  }
}

/** Header lookup that does not care how the HTTP layer cased the name. */
export function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? String(value[0]) : value == null ? undefined : String(value)
  }
  return undefined
}

/** The exact bytes the provider signed: Medusa keeps them as `rawData` (a Buffer, or its JSON form after the event bus). */
export function rawBody(payload: ProviderWebhookPayload["payload"]): Buffer {
  const raw = payload.rawData as unknown
  if (Buffer.isBuffer(raw)) return raw
  if (typeof raw === "string") return Buffer.from(raw, "utf8")
  if (raw && typeof raw === "object" && (raw as { type?: string }).type === "Buffer") {
    return Buffer.from((raw as { data: number[] }).data)
  }
  throw new WebhookSignatureError("payment", "the raw request body is missing")
}
