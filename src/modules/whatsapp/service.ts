import { MedusaService } from "@medusajs/framework/utils"
import { checkoutLink, checkoutLinkSuffix } from "../../lib/checkout-link"
import { GraphApiClient } from "../../lib/graph-api/client"
import { CheckoutTokenCheck, verifyCheckoutToken } from "../../lib/checkout-token"
import { decodeKey, parsePluginOptions, ResolvedWhatsAppPluginOptions } from "../../lib/options"
import { maskSecret, SecretBox } from "../../lib/secret-box"
import { dispatchOutboundMessage } from "./dispatcher"
import { WebhookEventWriter } from "./webhook-event-writer"
import type { WebhookSecretBook } from "../../lib/webhook-authorization"
import { WebhookRejectLimiter } from "../../lib/webhook-reject-limiter"
import type { SqlRunner } from "./sql/ingest"
import { WhatsappAccount } from "./models/whatsapp-account"
import { WhatsappConversation } from "./models/whatsapp-conversation"
import { WhatsappMessage } from "./models/whatsapp-message"
import { WhatsappCatalogItem } from "./models/whatsapp-catalog-item"
import { WhatsappCatalogQueue } from "./models/whatsapp-catalog-queue"
import { WhatsappCatalogSyncRun } from "./models/whatsapp-catalog-sync-run"
import { WhatsappProductSetting } from "./models/whatsapp-product-setting"
import { WhatsappRateLimit } from "./models/whatsapp-rate-limit"
import { WhatsappWebhookEvent } from "./models/whatsapp-webhook-event"
import { WhatsappCart } from "./models/whatsapp-cart"
import { WhatsappAutoReplyRule } from "./models/whatsapp-auto-reply-rule"

export type AccountSecrets = { access_token?: string | null; app_secret?: string | null }

class WhatsAppModuleService extends MedusaService({
  WhatsappAccount,
  WhatsappConversation,
  WhatsappMessage,
  WhatsappWebhookEvent,
  WhatsappRateLimit,
  WhatsappCatalogItem,
  WhatsappCatalogSyncRun,
  WhatsappProductSetting,
  WhatsappCatalogQueue,
  WhatsappCart,
  WhatsappAutoReplyRule,
}) {
  protected readonly options_: ResolvedWhatsAppPluginOptions
  /** Signs checkout links and checkout-form CSRF tokens (HMAC, domain-separated). */
  protected readonly signingKey_: Buffer
  protected readonly secretBox_: SecretBox
  protected readonly manager_: SqlRunner & { transactional<T>(fn: (em: SqlRunner) => Promise<T>): Promise<T> }
  /** Decrypted app secrets by phone number id, for the webhook's hot path. */
  private secretCache_: { at: number; book: WebhookSecretBook } | null = null

  constructor(container: Record<string, any>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.signingKey_ = decodeKey(this.options_.encryptionKey)!
    this.secretBox_ = new SecretBox(this.signingKey_)
    this.manager_ = container.manager
  }

  private webhookWriter_: WebhookEventWriter | null = null

  /** Stores a verified webhook body, byte-exact, before it is acknowledged (group-committed under load). */
  storeWebhookEvent(rawBody: Buffer, phoneNumberIds: string[]): Promise<string> {
    this.webhookWriter_ ??= new WebhookEventWriter(this.manager_)
    return this.webhookWriter_.store(rawBody, phoneNumberIds)
  }

  /** Raw SQL for the few operations that need atomic upserts and claims. */
  get sql(): SqlRunner {
    return this.manager_
  }

  transaction<T>(fn: (db: SqlRunner) => Promise<T>): Promise<T> {
    return this.manager_.transactional(fn)
  }

  /**
   * Who may sign webhooks for which number (see lib/webhook-authorization):
   * every connected account's own app secret (null when it has none) and the
   * plugin's. Cached for 30 s (secrets change rarely; updates through this
   * service clear the cache at once).
   */
  async webhookSecretBook(): Promise<WebhookSecretBook> {
    if (!this.secretCache_ || Date.now() - this.secretCache_.at > 30_000) {
      const rows = await this.manager_.execute(`select phone_number_id, app_secret from whatsapp_account where deleted_at is null`)
      const accounts = new Map<string, string | null>()
      for (const row of rows) {
        let secret: string | null = null
        try {
          secret = row.app_secret ? this.secretBox_.open(row.app_secret) : null
        } catch {
          // Unreadable under this key: an empty secret matches no signature, so this account accepts nothing.
          secret = ""
        }
        accounts.set(row.phone_number_id, secret)
      }
      this.secretCache_ = { at: Date.now(), book: { accounts, pluginSecret: this.options_.appSecret ?? null } }
    }
    return this.secretCache_.book
  }

  private rejectLimiter_: WebhookRejectLimiter | null = null

  /** Per-IP bound on webhook POSTs that fail verification (one per process, in memory). */
  webhookRejectLimiter(): WebhookRejectLimiter {
    this.rejectLimiter_ ??= new WebhookRejectLimiter(this.options_.webhookRejectLimit)
    return this.rejectLimiter_
  }

  clearSecretCache() {
    this.secretCache_ = null
  }

  /**
   * Sends one queued message now (see dispatcher.ts). A short retry is also
   * scheduled in this process; the dispatch job picks up anything a
   * stopped process leaves behind.
   */
  async dispatchOutboundMessage(messageId: string) {
    const result = await dispatchOutboundMessage(
      {
        db: this.manager_,
        options: this.options_,
        openSecret: (sealed) => this.secretBox_.open(sealed),
      },
      messageId
    )
    if (result.outcome === "retry" && result.retryInMs !== undefined && result.retryInMs < 60_000) {
      this.scheduleRetry_(messageId, result.retryInMs)
    }
    return result
  }

  private retryTimers_ = new Set<NodeJS.Timeout>()

  private scheduleRetry_(messageId: string, delayMs: number) {
    const timer = setTimeout(() => {
      this.retryTimers_.delete(timer)
      this.dispatchOutboundMessage(messageId).catch(() => {
        // the dispatch job will try again
      })
    }, delayMs + 5)
    timer.unref()
    this.retryTimers_.add(timer)
  }

  __hooks = {
    onApplicationPrepareShutdown: async () => {
      for (const timer of this.retryTimers_) clearTimeout(timer)
      this.retryTimers_.clear()
    },
  }

  /** The link a customer pays through: the hosted page, or the storefront when configured. */
  checkoutLink(whatsappCartId: string, cartId: string, expiresAt: Date): string {
    return checkoutLink(this.checkoutLinkInput_(whatsappCartId, cartId, expiresAt))
  }

  /** The link and the part of it a template's URL button carries as its parameter. */
  checkoutLinkWithSuffix(whatsappCartId: string, cartId: string, expiresAt: Date): { url: string; suffix: string } {
    const input = this.checkoutLinkInput_(whatsappCartId, cartId, expiresAt)
    const url = checkoutLink(input)
    return { url, suffix: checkoutLinkSuffix(input, url) }
  }

  private checkoutLinkInput_(whatsappCartId: string, cartId: string, expiresAt: Date) {
    return {
      publicUrl: this.options_.publicUrl,
      storefrontUrl: this.options_.checkout.storefrontUrl,
      key: this.signingKey_,
      whatsappCartId,
      cartId,
      expiresAt,
    }
  }

  /** Checks a checkout link's token: signature and expiry (payability is checked in the database). */
  verifyCheckoutToken(token: string, now = new Date()): CheckoutTokenCheck {
    return verifyCheckoutToken(this.signingKey_, token, now)
  }

  /** The key checkout forms derive their CSRF tokens from. */
  checkoutFormKey(): Buffer {
    return this.signingKey_
  }

  /** Routes, jobs and subscribers can't see plugin options; they ask here. */
  getOptions(): ResolvedWhatsAppPluginOptions {
    return this.options_
  }

  /** Encrypts whichever secrets are present; leaves absent ones untouched. */
  sealSecrets<T extends AccountSecrets>(input: T): T {
    this.clearSecretCache()
    const sealed = { ...input }
    for (const key of ["access_token", "app_secret"] as const) {
      const value = input[key]
      if (typeof value === "string" && value.length) {
        sealed[key] = this.secretBox_.seal(value) as T[typeof key]
      }
    }
    return sealed
  }

  /** The admin-facing form of a stored secret: set or not, and its last characters. */
  maskStoredSecret(sealed: string | null | undefined): string | null {
    if (!sealed) {
      return null
    }
    try {
      return maskSecret(this.secretBox_.open(sealed))
    } catch {
      return "•••• (unreadable: was encryptionKey changed?)"
    }
  }

  /** A Graph API client speaking with one account's token. */
  async graphClientFor(accountId: string, config: { timeoutMs?: number } = {}): Promise<GraphApiClient> {
    const { accessToken } = await this.revealAccountSecrets(accountId)
    return new GraphApiClient({ baseUrl: this.options_.graphApiUrl, version: this.options_.graphApiVersion, accessToken, ...config })
  }

  /** Plaintext secrets of one account, for Graph API calls and signatures. */
  async revealAccountSecrets(accountId: string): Promise<{ accessToken: string; appSecret: string | null }> {
    const account = await this.retrieveWhatsappAccount(accountId, {
      select: ["id", "access_token", "app_secret"],
    })
    return {
      accessToken: this.secretBox_.open(account.access_token),
      appSecret: account.app_secret ? this.secretBox_.open(account.app_secret) : this.options_.appSecret ?? null,
    }
  }
}

export default WhatsAppModuleService
