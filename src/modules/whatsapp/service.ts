import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { checkoutButtonUrl, checkoutLink, checkoutLinkSuffix, deliveryLink } from "../../lib/checkout-link"
import { GraphApiClient } from "../../lib/graph-api/client"
import { CheckoutTokenCheck, createCheckoutToken, verifyCheckoutToken } from "../../lib/checkout-token"
import { decodeKey, parsePluginOptions, ResolvedWhatsAppPluginOptions } from "../../lib/options"
import { deriveKeys, type DerivedKeys } from "../../lib/derived-keys"
import { maskSecret, SecretBox } from "../../lib/secret-box"
import { dispatchOutboundMessage } from "./dispatcher"
import { WebhookEventWriter } from "./webhook-event-writer"
import type { WebhookSecretBook } from "../../lib/webhook-authorization"
import { WebhookRejectLimiter } from "../../lib/webhook-reject-limiter"
import type { SqlRunner } from "./sql/ingest"
import { queueCatalogVariants } from "./sql/catalog-queue"
import { EmbeddingsClient } from "../../lib/ai/embeddings-client"
import { ProductVectorCache } from "../../lib/ai/vector-cache"
import {
  type EmbeddingState,
  type EmbeddingWrite,
  loadProductVectors,
  productEmbeddingStates,
  productVectorsVersion,
  queueMissingProductEmbeddings,
  queueProductEmbeddings,
  removeProductEmbeddings,
  type StoredEmbeddingRow,
  writeProductEmbeddings,
} from "./sql/product-embeddings"
import { claimWork, finishWork, WORK_KINDS, type WorkBacklog, workBacklog, type WorkKind, type WorkOutcome } from "./work-queue"
import { type IngestedMessage, type IngestResult, ingestWebhookItems, lockIngestKeys, removeIngestedMessages } from "./sql/ingest"
import { ingestLockKeys } from "../../lib/ingest-lock-keys"
import { payloadPhoneNumberIds, splitWebhookPayload } from "../../lib/webhook-payload"
import { payloadWabaIds } from "../../lib/webhook-account-events"
import { closeEmptyConversation, type ConversationIdentity, findConversationIds, type OpenedConversation, openConversation } from "./sql/conversations"
import { findNotificationConversation } from "./sql/notification-conversation"
import { type ConversationChanges, currentChangeCursor, listConversationChanges } from "./sql/conversation-changes"
import { applyTemplateStatus, findTemplateStatus, listAccountEvents, listTemplateStatuses, templateRefusalForConversation } from "./sql/account-events"
import type { WhatsAppNotificationData } from "../../lib/notifications/notification-data"
import {
  loadOrderMessage,
  markCartLinkSent,
  recordCart,
  type RecordedCartFields,
  releasePendingCart,
  reserveWhatsAppCart,
  unrecordCart,
} from "./sql/carts"
import { type CatalogItemState, catalogItemsForVariants, firstSyncedRetailerId, variantsForRetailerIds } from "./sql/catalog-items"
import { type InboundContext, loadInboundMessage } from "./sql/inbound-context"
import { messageMediaFile, recordStoredMedia, type StoredMedia } from "./sql/media"
import { type AdCartStats, cartStats, cartStatsByAd, type WhatsAppCartStats } from "./sql/stats"
import { type ClaimedOutbound, type OutboundInsert, queueOutboundMessage, queueOutboundMessages } from "./sql/outbound"
import {
  findWhatsAppCart,
  type LinkOrderInput,
  linkWhatsAppOrder,
  markWhatsAppCartPaid,
  setCheckoutExpiry,
  unlinkWhatsAppOrder,
  unmarkWhatsAppCartPaid,
  type WhatsAppCartRow,
} from "./sql/checkout"
import { type DueCart, recordRecoveryClick, remindDueCarts, type ReminderDecision, type ReminderResult } from "./sql/recovery"
import { recoveryStepStats, type RecoveryStepStats } from "./sql/recovery-stats"
import {
  clearWhatsAppCartCustomers,
  CustomerLink,
  insertPhoneLink,
  listOpenCartsOfUnverifiedLinks,
  listUnverifiedLinks,
  readCustomerLink,
  usePhoneLink,
  writeCustomerLink,
} from "./sql/customer-link"
import { hashPhoneLinkToken, isProvenLink, newPhoneLinkToken, PHONE_LINK_TTL_MINUTES, PHONE_LINKS_PER_HOUR } from "../../lib/customer-link"
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
import { WhatsappRecoveryStep } from "./models/whatsapp-recovery-step"
import { WhatsappPhoneLink } from "./models/whatsapp-phone-link"
import { WhatsappTemplateStatus } from "./models/whatsapp-template-status"
import { WhatsappAccountEvent } from "./models/whatsapp-account-event"
import { WhatsappFaqAnswer } from "./models/whatsapp-faq-answer"
import { WhatsappSearchSynonym } from "./models/whatsapp-search-synonym"
import type { SynonymGroup } from "../../lib/search/synonyms"
import { WhatsappProductEmbedding } from "./models/whatsapp-product-embedding"
import { WhatsappAutomationRule } from "./models/whatsapp-automation-rule"
import { WhatsappAutomationRun } from "./models/whatsapp-automation-run"
import * as automationSql from "./sql/automations"
import { maskWebhookSecrets, sealWebhookSecrets, SECRET_MASK } from "../../lib/automations/webhook-secrets"
import type { AutomationActionResult, AutomationRule, AutomationRun, AutomationTriggerType } from "../../types/http/automations"
import { WhatsappConversationNote } from "./models/whatsapp-conversation-note"
import { WhatsappCannedReply } from "./models/whatsapp-canned-reply"

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
  WhatsappTemplateStatus,
  WhatsappAccountEvent,
  WhatsappPhoneLink,
  WhatsappFaqAnswer,
  WhatsappSearchSynonym,
  WhatsappProductEmbedding,
  WhatsappRecoveryStep,
  WhatsappAutomationRule,
  WhatsappAutomationRun,
  WhatsappConversationNote,
  WhatsappCannedReply,
}) {
  /** Enabled rules per trigger type, read at most once a second per process (every event of a burst asks). */
  private automationRuleCache_ = new Map<AutomationTriggerType, { at: number; rules: Promise<AutomationRule[]> }>()

  /**
   * Enabled automation rules of a trigger type for an account (its own and
   * the every-account ones). Cached for a second: a rule saved in this
   * process applies at once (the cache is dropped), one saved in another
   * within a second; a rule switched off meanwhile is checked again when its
   * run runs.
   */
  async automationRulesFor(type: AutomationTriggerType, accountId: string | null): Promise<AutomationRule[]> {
    let cached = this.automationRuleCache_.get(type)
    if (!cached || Date.now() - cached.at > 1000) {
      cached = { at: Date.now(), rules: automationSql.rulesForTrigger(this.manager_, type) }
      cached.rules.catch(() => this.automationRuleCache_.delete(type))
      this.automationRuleCache_.set(type, cached)
    }
    return (await cached.rules).filter((rule) => !rule.account_id || rule.account_id === accountId)
  }

  /** After a rule is saved or deleted here. */
  forgetAutomationRules() {
    this.automationRuleCache_.clear()
  }

  /** One automation rule in the API's shape (404 when absent or deleted). */
  async automationRule(id: string): Promise<AutomationRule> {
    const rule = await automationSql.ruleById(this.manager_, id)
    if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsappAutomationRule with id: ${id} was not found`)
    return rule
  }

  /** The account's name (null when absent). */
  accountName(id: string): Promise<string | null> {
    return automationSql.accountName(this.manager_, id)
  }

  /** Inserts runs, one per (rule, event key) ever; returns the ids new this time, and with `claim` those due now, claimed. */
  insertAutomationRuns<T = Record<string, any>>(runs: automationSql.RunInsert[], now: Date | null = null, claim = false): Promise<automationSql.BookedRuns<T>> {
    return automationSql.insertRuns<T>(this.manager_, runs, now, claim)
  }

  saveAutomationRunResults(id: string, results: AutomationActionResult[]) {
    return automationSql.saveRunResults(this.manager_, id, results)
  }

  finishAutomationRun(id: string, outcome: Parameters<typeof automationSql.finishRun>[2]) {
    return automationSql.finishRun(this.manager_, id, outcome)
  }

  listAutomationRuns(ruleId: string, limit: number, offset: number): Promise<{ runs: AutomationRun[]; count: number }> {
    return automationSql.listRuns(this.manager_, ruleId, limit, offset)
  }

  lastAutomationRuns(ruleIds: string[]): Promise<Map<string, AutomationRun>> {
    return automationSql.lastRuns(this.manager_, ruleIds)
  }

  addConversationTag(conversationId: string, tag: string): Promise<boolean> {
    return automationSql.addConversationTag(this.manager_, conversationId, tag)
  }

  /** What the automation engine reads of a conversation (facts, variables, the 24-hour window). */
  automationConversation(id: string) {
    return automationSql.automationConversation(this.manager_, id)
  }

  /** A WhatsApp cart by its id or by the Medusa order it became. */
  automationCart(by: { id?: string | null; order_id?: string | null }) {
    return automationSql.automationCart(this.manager_, by)
  }

  /** Merchant synonym groups in the shape discovery search reads (lib/search/synonyms), oldest first. */
  async listSearchSynonymGroups(): Promise<SynonymGroup[]> {
    const rows = await this.listWhatsappSearchSynonyms({}, { take: null, order: { created_at: "ASC" } } as any)
    return rows.map((r) => ({ id: r.id, mode: r.mode, source: r.source ?? null, terms: (r.terms as unknown as string[]) ?? [] }))
  }

  protected readonly options_: ResolvedWhatsAppPluginOptions
  /** One key per use (lib/derived-keys); the raw key only opens what was sealed before. */
  protected readonly keys_: DerivedKeys
  protected readonly legacyKey_: Buffer
  protected readonly secretBox_: SecretBox
  protected readonly manager_: SqlRunner & { transactional<T>(fn: (em: SqlRunner) => Promise<T>): Promise<T> }
  /** Decrypted app secrets by phone number id, for the webhook's hot path. */
  private secretCache_: { at: number; book: WebhookSecretBook } | null = null

  /** Run at Medusa's shutdown (see `onShutdown`). */
  private readonly shutdownCallbacks_: (() => void)[] = []
  /** Medusa calls module hooks when the application shuts down. */
  readonly __hooks = {
    onApplicationShutdown: async () => {
      for (const callback of this.shutdownCallbacks_.splice(0)) callback()
    },
  }

  constructor(container: Record<string, any>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.legacyKey_ = decodeKey(this.options_.encryptionKey)!
    this.keys_ = deriveKeys(this.legacyKey_)
    this.secretBox_ = new SecretBox(this.keys_.secrets, this.legacyKey_)
    this.manager_ = container.manager
  }

  private webhookWriter_: WebhookEventWriter | null = null

  /** Stores a verified webhook body, byte-exact, before it is acknowledged (group-committed under load). */
  storeWebhookEvent(rawBody: Buffer, phoneNumberIds: string[]): Promise<string> {
    this.webhookWriter_ ??= new WebhookEventWriter(this.manager_)
    return this.webhookWriter_.store(rawBody, phoneNumberIds)
  }

  /**
   * Who may sign webhooks for which number (see lib/webhook-authorization):
   * every connected account's own app secret (null when it has none) and the
   * plugin's. Cached for 30 s (secrets change rarely; updates through this
   * service clear the cache at once). `maxAgeMs` asks for a fresher book:
   * another server may have connected an account or changed a secret.
   */
  async webhookSecretBook(maxAgeMs = 30_000): Promise<WebhookSecretBook> {
    if (!this.secretCache_ || Date.now() - this.secretCache_.at > maxAgeMs) {
      const rows = await this.manager_.execute(`select phone_number_id, waba_id, app_secret from whatsapp_account where deleted_at is null`)
      const accounts = new Map<string, string | null>()
      const wabas = new Map<string, string[]>()
      for (const row of rows) {
        wabas.set(row.waba_id, [...(wabas.get(row.waba_id) ?? []), row.phone_number_id])
        let secret: string | null = null
        try {
          secret = row.app_secret ? this.secretBox_.open(row.app_secret) : null
        } catch {
          // Unreadable under this key: an empty secret matches no signature, so this account accepts nothing.
          secret = ""
        }
        accounts.set(row.phone_number_id, secret)
      }
      this.secretCache_ = { at: Date.now(), book: { accounts, wabas, pluginSecret: this.options_.appSecret ?? null } }
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
   * Takes up to `limit` due items of one kind of work (or only `ids`), each
   * held under a lease; see work-queue.ts. The attempt cap is the kind's.
   */
  claimWork<T = Record<string, any>>(kind: WorkKind, limit: number, options: { ids?: string[]; sweep?: boolean } = {}): Promise<T[]> {
    const maxAttempts = kind === "outbound_message" ? this.options_.maxOutboundAttempts : this.options_.maxWebhookAttempts
    return claimWork<T>(this.manager_, kind, { limit, maxAttempts, ids: options.ids, sweep: options.sweep ?? true })
  }

  /** Records the outcomes of claimed work: done, retry after a backoff, or given up with its reason. */
  finishWork(kind: WorkKind, outcomes: WorkOutcome[]): Promise<void> {
    return finishWork(this.manager_, kind, outcomes)
  }

  /** What the work queue holds per kind (due, in progress, given up). */
  workBacklog(): Promise<WorkBacklog[]> {
    // Product embeddings are work only with the `ai` option.
    return workBacklog(this.manager_, this.options_.ai ? WORK_KINDS : WORK_KINDS.filter((kind) => kind !== "product_embedding"))
  }

  /** Sends one claimed outbound message (see dispatcher.ts) and records its outcome. */
  sendClaimedMessage(claimed: ClaimedOutbound) {
    return dispatchOutboundMessage(
      {
        db: this.manager_,
        options: this.options_,
        openSecret: (sealed) => this.secretBox_.open(sealed),
        finish: (outcome) => this.finishWork("outbound_message", [outcome]),
      },
      claimed
    )
  }

  /**
   * Claims one queued message and sends it now, if it is due and no one else
   * holds it (a message at the attempt cap is not claimed; the drain's
   * periodic sweep records it given up).
   */
  async dispatchOutboundMessage(messageId: string) {
    const [claimed] = await this.claimWork<ClaimedOutbound>("outbound_message", 1, { ids: [messageId], sweep: false })
    return claimed ? this.sendClaimedMessage(claimed) : { outcome: "skipped" as const }
  }

  /** The link a customer pays through: the hosted page, or the storefront when configured. */
  checkoutLink(whatsappCartId: string, cartId: string, expiresAt: Date): string {
    return checkoutLink(this.checkoutLinkInput_(whatsappCartId, cartId, expiresAt))
  }

  /** The checkout button's URL for a template being created: the fixed base with {{1}}, and an example. */
  checkoutButtonUrl(): { url: string; example: string } {
    return checkoutButtonUrl({ publicUrl: this.options_.publicUrl, storefrontUrl: this.options_.checkout.storefrontUrl })
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
      key: this.keys_.checkoutLinks,
      whatsappCartId,
      cartId,
      expiresAt,
    }
  }

  /** Checks a checkout link's token: signature and expiry (payability is checked in the database). */
  verifyCheckoutToken(token: string, now = new Date()): CheckoutTokenCheck {
    const check = verifyCheckoutToken(this.keys_.checkoutLinks, token, now)
    // Links sent before keys were separated were signed with the raw key;
    // they stay valid until their own expiry, then this fallback is dead.
    return check.ok || check.reason !== "invalid" ? check : verifyCheckoutToken(this.legacyKey_, token, now)
  }

  /** Order on submit: the link to give (or change) the delivery details of the cart's order; always the hosted page. */
  deliveryLink(whatsappCartId: string, expiresAt: Date): string {
    return deliveryLink(this.options_.publicUrl, createCheckoutToken(this.keys_.checkoutLinks, whatsappCartId, expiresAt, "delivery"))
  }

  /** Checks a delivery link's token (a checkout link's token is refused here, and the other way round). */
  verifyDeliveryToken(token: string, now = new Date()): CheckoutTokenCheck {
    return verifyCheckoutToken(this.keys_.checkoutLinks, token, now, "delivery")
  }

  /** The key checkout forms derive their CSRF tokens from. */
  checkoutFormKey(): Buffer {
    return this.keys_.checkoutForms
  }

  /**
   * Seals again, with the current key, every account secret still in the
   * legacy format. Run once by the upgrade's migration script; returns how
   * many accounts changed.
   */
  async resealLegacySecrets(): Promise<number> {
    const rows = await this.manager_.execute(
      `select id, access_token, app_secret from whatsapp_account where access_token like 'v1.%' or app_secret like 'v1.%'`
    )
    for (const row of rows) {
      const reseal = (sealed: string | null) =>
        sealed && SecretBox.isLegacy(sealed) ? this.secretBox_.seal(this.secretBox_.open(sealed)) : sealed
      await this.manager_.execute(`update whatsapp_account set access_token = ?, app_secret = ?, updated_at = now() where id = ?`, [
        reseal(row.access_token),
        reseal(row.app_secret),
        row.id,
      ])
    }
    this.clearSecretCache()
    return rows.length
  }

  /** Seals the webhook secrets still stored in clear (rules saved before secrets were sealed); returns how many rules changed. */
  async sealClearAutomationSecrets(): Promise<number> {
    const rows = await automationSql.rulesWithClearWebhookSecrets(this.manager_)
    for (const row of rows) {
      const { actions } = this.sealAutomationSecrets(row.actions, row.actions)
      await automationSql.saveRuleActions(this.manager_, row.id, actions)
    }
    this.forgetAutomationRules()
    return rows.length
  }

  /** Registers what must stop when Medusa shuts down (the work drain's timers), so nothing outlives the app. */
  onShutdown(callback: () => void) {
    this.shutdownCallbacks_.push(callback)
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
      // Already sealed (onboarding seals the token it exchanged at once, so it never travels a workflow in clear).
      if (typeof value === "string" && value.length && !SecretBox.isSealed(value)) {
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

  /** The actions of a rule to store: new webhook secrets sealed, masked or absent ones kept (lib/automations/webhook-secrets). */
  sealAutomationSecrets(actions: Parameters<typeof sealWebhookSecrets>[0], before: AutomationRule["actions"]) {
    return sealWebhookSecrets(actions, before, { seal: (clear) => this.secretBox_.seal(clear), isSealed: SecretBox.isSealed })
  }

  /** A rule as the admin API shows it: each webhook secret masked, never returned. */
  publicAutomationRule<T extends AutomationRule>(rule: T): T {
    const mask = (stored: string) => (SecretBox.isSealed(stored) ? this.maskStoredSecret(stored) : maskSecret(stored)) ?? SECRET_MASK
    return { ...rule, actions: maskWebhookSecrets(rule.actions, mask) }
  }

  /** A webhook action's secret in clear, to sign with; one saved before secrets were sealed is still in clear until its rule is saved. */
  openAutomationSecret(stored: string): string {
    return SecretBox.isSealed(stored) ? this.secretBox_.open(stored) : stored
  }

  /** Seals one secret (a token or PIN between onboarding steps) with the key of account secrets. */
  sealSecret(value: string): string {
    return this.secretBox_.seal(value)
  }

  /** Opens what sealSecret sealed. */
  openSealedSecret(sealed: string): string {
    return this.secretBox_.open(sealed)
  }

  /** A Graph API client speaking with a sealed token that no account stores yet (onboarding). */
  graphClientForSealedToken(sealedToken: string | null, config: { timeoutMs?: number } = {}): GraphApiClient {
    const accessToken = sealedToken ? this.secretBox_.open(sealedToken) : ""
    return new GraphApiClient({ baseUrl: this.options_.graphApiUrl, version: this.options_.graphApiVersion, accessToken, ...config })
  }

  /** A Graph API client speaking as the Meta app itself (`{app-id}|{app-secret}`), for debug_token; null without both options. */
  graphAppClient(): GraphApiClient | null {
    const { metaAppId, appSecret } = this.options_
    if (!metaAppId || !appSecret) return null
    return new GraphApiClient({ baseUrl: this.options_.graphApiUrl, version: this.options_.graphApiVersion, accessToken: `${metaAppId}|${appSecret}` })
  }

  /** A Graph API client speaking with one account's token. */
  async graphClientFor(accountId: string, config: { timeoutMs?: number } = {}): Promise<GraphApiClient> {
    const { accessToken } = await this.revealAccountSecrets(accountId)
    return new GraphApiClient({ baseUrl: this.options_.graphApiUrl, version: this.options_.graphApiVersion, accessToken, ...config })
  }

  /** The conversation's customer link as stored, proven or not (null: no such conversation). */
  customerLink(conversationId: string) {
    return readCustomerLink(this.manager_, conversationId)
  }

  /** The customer the conversation is proven to belong to, or null: an unverified link counts as none. */
  async provenCustomerId(conversationId: string): Promise<string | null> {
    const link = await readCustomerLink(this.manager_, conversationId)
    return link?.customer_id && isProvenLink(link.method) ? link.customer_id : null
  }

  /** Sets or clears the link; returns it with the one it replaced (see sql/customer-link). */
  linkConversationCustomer(conversationId: string, link: CustomerLink, options: { onlyIfUnproven?: boolean } = {}) {
    return this.manager_.transactional((db) => writeCustomerLink(db, conversationId, link, options))
  }

  /**
   * A one-time phone link for this customer in this conversation: the token
   * to send (only its hash is stored), or null when the conversation already
   * got its hourly share.
   */
  async createPhoneLink(input: { conversation_id: string; customer_id: string }): Promise<{ id: string; token: string } | null> {
    const { token, hash } = newPhoneLinkToken()
    const id = await this.manager_.transactional((db) =>
      insertPhoneLink(db, { ...input, token_hash: hash, ttl_minutes: PHONE_LINK_TTL_MINUTES, per_hour: PHONE_LINKS_PER_HOUR })
    )
    return id ? { id, token } : null
  }

  async deletePhoneLink(id: string) {
    await this.manager_.execute(`delete from whatsapp_phone_link where id = ?`, [id])
  }

  /**
   * Uses a phone-link token for the logged-in customer and links the
   * conversation it was sent in to them, in one transaction. Null when the
   * token is unknown, used, expired or issued to someone else.
   */
  confirmPhoneLink(token: string, customerId: string) {
    return this.manager_.transactional(async (db) => {
      const conversationId = await usePhoneLink(db, { token_hash: hashPhoneLinkToken(token), customer_id: customerId })
      if (!conversationId) return null
      const link = { customer_id: customerId, method: "verified_by_customer" as const, linked_by: customerId, linked_at: new Date() }
      const written = await writeCustomerLink(db, conversationId, link)
      return written && { conversation_id: conversationId, previous: written.previous }
    })
  }

  /** For the upgrade script: links made by phone match, and open carts still carrying their customer. */
  listUnverifiedCustomerLinks() {
    return listUnverifiedLinks(this.manager_)
  }

  listOpenCartsOfUnverifiedLinks() {
    return listOpenCartsOfUnverifiedLinks(this.manager_)
  }

  clearWhatsAppCartCustomers(ids: string[]) {
    return clearWhatsAppCartCustomers(this.manager_, ids)
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

  // ---- Data the rest of the plugin reads and writes, through the module ----

  private embeddings_: EmbeddingsClient | null | undefined
  private vectorCache_: ProductVectorCache | null = null

  /** The AI provider's embeddings client, or null when the `ai` option is unset (lexical search only). */
  embeddingsClient(): EmbeddingsClient | null {
    if (this.embeddings_ === undefined) {
      const ai = this.options_.ai
      this.embeddings_ = ai ? new EmbeddingsClient({ baseUrl: ai.baseUrl, apiKey: ai.apiKey, model: ai.embeddingModel, batchSize: ai.batchSize }) : null
    }
    return this.embeddings_
  }

  /** This process's in-memory copy of the configured model's product vectors (null without the `ai` option). */
  productVectorCache(): ProductVectorCache | null {
    const model = this.options_.ai?.embeddingModel
    if (!model) return null
    this.vectorCache_ ??= new ProductVectorCache({
      version: () => productVectorsVersion(this.manager_, model),
      rows: (since) => loadProductVectors(this.manager_, model, since),
    })
    return this.vectorCache_
  }

  /** Marks products for embedding (hybrid search; see sql/product-embeddings). */
  queueProductEmbeddings(productIds: string[]): Promise<void> {
    return queueProductEmbeddings(this.manager_, productIds)
  }

  /** Queues the products without a vector from `model`; returns how many. */
  queueMissingProductEmbeddings(productIds: string[], model: string): Promise<number> {
    return queueMissingProductEmbeddings(this.manager_, productIds, model)
  }

  productEmbeddingStates(ids: string[]): Promise<EmbeddingState[]> {
    return productEmbeddingStates(this.manager_, ids)
  }

  writeProductEmbeddings(rows: EmbeddingWrite[]): Promise<void> {
    return writeProductEmbeddings(this.manager_, rows)
  }

  removeProductEmbeddings(ids: string[]): Promise<void> {
    return removeProductEmbeddings(this.manager_, ids)
  }

  productVectorsVersion(model: string): Promise<{ count: number; latest: Date | null }> {
    return productVectorsVersion(this.manager_, model)
  }

  loadProductVectors(model: string, since: Date | null): Promise<StoredEmbeddingRow[]> {
    return loadProductVectors(this.manager_, model, since)
  }

  /** Marks variants for the next incremental catalog sync. */
  queueCatalogVariants(variantIds: string[]): Promise<void> {
    return queueCatalogVariants(this.manager_, variantIds)
  }

  /** The WhatsApp sales funnel for carts submitted in [from, to). */
  cartStats(input: { from: Date; to: Date; accountId?: string }): Promise<WhatsAppCartStats> {
    return cartStats(this.manager_, input)
  }

  /** Carts submitted in [from, to) per Click-to-WhatsApp ad, with their order ids (revenue comes from Medusa's orders). */
  cartStatsByAd(input: { from: Date; to: Date; accountId?: string }): Promise<AdCartStats[]> {
    return cartStatsByAd(this.manager_, input)
  }

  /** Queues one outbound message; an existing idempotency key returns the earlier row. */
  queueOutboundMessage(input: OutboundInsert): Promise<{ id: string; created: boolean }> {
    return queueOutboundMessage(this.manager_, input)
  }

  /** Queues many outbound messages in one insert, in order; existing idempotency keys return their earlier rows. */
  queueOutboundMessages(inputs: OutboundInsert[]): Promise<{ id: string; created: boolean }[]> {
    return queueOutboundMessages(this.manager_, inputs)
  }

  /** Withdraws queued messages that have not left yet (a workflow's compensation). */
  async discardQueuedMessages(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.manager_.execute(`delete from whatsapp_message where id in (select jsonb_array_elements_text(?::jsonb)) and status = 'queued'`, [
      JSON.stringify(ids),
    ])
  }

  /** One WhatsApp cart with its conversation and language, by its id, its Medusa cart or its order. */
  findWhatsAppCart(by: { id: string } | { cart_id: string } | { order_id: string }): Promise<WhatsAppCartRow | null> {
    return findWhatsAppCart(this.manager_, by)
  }

  /** Ties an order to its WhatsApp cart once; null when an earlier call did. */
  linkWhatsAppOrder(input: LinkOrderInput): Promise<{ status: string } | null> {
    return linkWhatsAppOrder(this.manager_, input)
  }

  /** Undoes linkWhatsAppOrder (compensation). */
  unlinkWhatsAppOrder(id: string): Promise<void> {
    return unlinkWhatsAppOrder(this.manager_, id)
  }

  /** Marks an ordered cart paid once; null when it already was. */
  markWhatsAppCartPaid(id: string): Promise<{ status: string } | null> {
    return markWhatsAppCartPaid(this.manager_, id)
  }

  /** Undoes markWhatsAppCartPaid (compensation). */
  unmarkWhatsAppCartPaid(id: string): Promise<void> {
    return unmarkWhatsAppCartPaid(this.manager_, id)
  }

  /** Sets when a cart's checkout link expires; returns the previous expiry (for compensation). */
  setCheckoutExpiry(id: string, expiresAt: Date | null): Promise<Date | null> {
    return setCheckoutExpiry(this.manager_, id, expiresAt)
  }

  /**
   * One recovery batch in one transaction: locks the account's next due
   * carts, lets `decide` plan each (it may read Medusa meanwhile), queues the
   * reminders in one insert and records every outcome. A crash leaves the
   * batch either done or untouched.
   */
  remindDueCarts(
    input: { accountId: string; cutoffs: Date[]; now: Date; limit: number; after: DueCart | null },
    decide: (due: DueCart[]) => Promise<ReminderDecision[]>
  ): Promise<{ due: DueCart[]; results: ReminderResult[] }> {
    return this.manager_.transactional((tx) => remindDueCarts(tx, input, decide))
  }

  /** The checkout link of a reminded cart was opened: one click for its latest step. */
  recordRecoveryClick(whatsappCartId: string, now = new Date()): Promise<void> {
    return recordRecoveryClick(this.manager_, whatsappCartId, now)
  }

  /** Per recovery step: sent, clicked, recovered, and the recovered orders (see sql/recovery-stats). */
  recoveryStepStats(input: { from: Date; to: Date; accountId?: string }): Promise<RecoveryStepStats[]> {
    return recoveryStepStats(this.manager_, input)
  }

  /** The variant behind each retailer id of a catalog (see sql/catalog-items). */
  variantsForRetailerIds(catalogId: string | null, retailerIds: string[]): Promise<Map<string, string>> {
    return variantsForRetailerIds(this.manager_, catalogId, retailerIds)
  }

  /** The catalog items of these variants, whatever their sync status. */
  catalogItemsForVariants(catalogId: string, variantIds: string[]): Promise<CatalogItemState[]> {
    return catalogItemsForVariants(this.manager_, catalogId, variantIds)
  }

  firstSyncedRetailerId(catalogId: string): Promise<string | null> {
    return firstSyncedRetailerId(this.manager_, catalogId)
  }

  /** Records a downloaded media file on its message (ends its `media_download` work). */
  recordStoredMedia(messageId: string, stored: StoredMedia): Promise<boolean> {
    return recordStoredMedia(this.manager_, messageId, stored)
  }

  /** A message's media as stored (null: no such message). */
  messageMediaFile(messageId: string) {
    return messageMediaFile(this.manager_, messageId)
  }

  /** An incoming message with its conversation and account, as the reply steps need them. */
  loadInboundMessage(messageId: string): Promise<InboundContext> {
    return loadInboundMessage(this.manager_, messageId)
  }

  /**
   * Records the Medusa product a product question is about; returns what
   * was there before, for compensation.
   */
  async setReferredProduct(
    messageId: string,
    referred: { variant_id: string | null; product_id: string | null }
  ): Promise<{ variant_id: string | null; product_id: string | null }> {
    const [row] = await this.manager_.execute(
      `update whatsapp_message m set referred_variant_id = ?, referred_product_id = ?, updated_at = now()
         from (select id, referred_variant_id, referred_product_id from whatsapp_message where id = ? for update) before
        where m.id = before.id
        returning before.referred_variant_id as variant_id, before.referred_product_id as product_id`,
      [referred.variant_id, referred.product_id, messageId]
    )
    return { variant_id: row?.variant_id ?? null, product_id: row?.product_id ?? null }
  }

  /**
   * Claims the order message's one cart row (unique on the order's wamid);
   * `fresh` for the caller that should build the cart.
   */
  reserveWhatsAppCart(input: { account_id: string; conversation_id: string; source_wamid: string; source_message_id: string }) {
    return reserveWhatsAppCart(this.manager_, input)
  }

  /** Deletes a cart row that never got past `pending` (compensation). */
  releasePendingCart(id: string): Promise<void> {
    return releasePendingCart(this.manager_, id)
  }

  /** An incoming order message with its conversation and account; null when there is none. */
  loadOrderMessage(messageId: string) {
    return loadOrderMessage(this.manager_, messageId)
  }

  /** Records the Medusa cart built for a WhatsApp cart. */
  recordCart(id: string, conversationId: string, fields: RecordedCartFields): Promise<void> {
    return recordCart(this.manager_, id, conversationId, fields)
  }

  /** Undoes recordCart (compensation). */
  unrecordCart(id: string): Promise<void> {
    return unrecordCart(this.manager_, id)
  }

  markCartLinkSent(id: string, messageId: string): Promise<void> {
    return markCartLinkSent(this.manager_, id, messageId)
  }


  /** What the checkout page shows of the shop: its name and WhatsApp number. */
  async accountContact(accountId: string): Promise<{ name: string | null; display_phone_number: string | null }> {
    const [row] = await this.manager_.execute(`select name, display_phone_number from whatsapp_account where id = ?`, [accountId])
    return { name: row?.name ?? null, display_phone_number: row?.display_phone_number ?? null }
  }

  /** The conversation a WhatsApp notification goes to (see sql/notification-conversation). */
  conversationForNotification(to: string, data: WhatsAppNotificationData) {
    return findNotificationConversation(this.manager_, to, data)
  }

  /** The account's conversation with a customer, created on first use (race-free). */
  openConversation(input: { accountId: string } & ConversationIdentity): Promise<OpenedConversation> {
    return openConversation(this.manager_, input)
  }

  /** Conversations a search names (phone, BSUID, username, name; former identifiers too). */
  findConversationIds(q: string): Promise<string[]> {
    return findConversationIds(this.manager_, q)
  }

  /** The inbox's changed-since query (sql/conversation-changes): ids changed after `cursor` and the next cursor. */
  listConversationChanges(cursor: string, limit: number): Promise<ConversationChanges> {
    return listConversationChanges(this.manager_, cursor, limit)
  }

  /** A cursor for a reader about to load the whole list. */
  currentChangeCursor(): Promise<string> {
    return currentChangeCursor(this.manager_)
  }

  /** Removes a conversation opened for nothing (compensation). */
  closeEmptyConversation(id: string): Promise<void> {
    return closeEmptyConversation(this.manager_, id)
  }

  /**
   * Stores the messages and applies the statuses of a batch of parsed
   * webhook bodies in one transaction, each behind its own savepoint: a body
   * the database refuses is rolled back alone and comes back as its error.
   */
  async ingestWebhookPayloads(
    events: { id: string; payload: unknown }[]
  ): Promise<({ id: string; result: IngestResult; error?: undefined } | { id: string; error: unknown; result?: undefined })[]> {
    const phoneIds = [...new Set(events.flatMap((e) => payloadPhoneNumberIds(e.payload)))]
    // Account-level changes name only the WABA (entry id).
    const wabaIds = [...new Set(events.flatMap((e) => payloadWabaIds(e.payload)))]
    const select: ("id" | "phone_number_id" | "waba_id" | "display_phone_number")[] = ["id", "phone_number_id", "waba_id", "display_phone_number"]
    const accounts =
      phoneIds.length || wabaIds.length
        ? await this.listWhatsappAccounts({ $or: [{ phone_number_id: phoneIds }, { waba_id: wabaIds }] }, { select })
        : []
    const keywords = { optOut: this.options_.optOutKeywords, optIn: this.options_.optInKeywords }
    const parsed = events.map((event) => {
      try {
        return { id: event.id, items: splitWebhookPayload(event.payload) }
      } catch (error) {
        return { id: event.id, items: null, error }
      }
    })
    return this.manager_.transactional(async (db) => {
      // Concurrent workers take the batch's rows in one order: no deadlock.
      await lockIngestKeys(db, ingestLockKeys(parsed.flatMap((p) => p.items ?? [])))
      const out: ({ id: string; result: IngestResult } | { id: string; error: unknown })[] = []
      for (const event of parsed) {
        if (!event.items) {
          out.push({ id: event.id, error: event.error })
          continue
        }
        await db.execute("savepoint whatsapp_event")
        try {
          const result = await ingestWebhookItems(db, event.items, accounts, keywords)
          await db.execute("release savepoint whatsapp_event")
          out.push({ id: event.id, result })
        } catch (error) {
          await db.execute("rollback to savepoint whatsapp_event")
          out.push({ id: event.id, error })
        }
      }
      return out
    })
  }

  /** What Meta last said of an account's template (message_template_status_update), or null. */
  knownTemplateStatus(accountId: string, name: string, language: string) {
    return findTemplateStatus(this.manager_, accountId, name, language)
  }

  /** Why a template must not be sent in a conversation (not approved, or a marketing one to a customer who stopped them); null if it may. */
  templateRefusal(conversationId: string, name: string, language: string): Promise<string | null> {
    return templateRefusalForConversation(this.manager_, conversationId, name, language)
  }

  /**
   * A template the store just submitted, with the status Meta answered
   * (PENDING, usually): known before Meta's status webhook, so nothing is
   * sent with it until it is approved. Meta's webhooks carry whole seconds;
   * the submission is dated to its second so the next webhook supersedes it.
   */
  async recordSubmittedTemplate(wabaId: string, template: { templateId: string | null; name: string; language: string; status: string; category: string | null }) {
    const accounts = await this.listWhatsappAccounts({ waba_id: wabaId }, { select: ["id", "phone_number_id", "waba_id", "display_phone_number"] })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    await applyTemplateStatus(this.manager_, { kind: "template_status", wabaId, ...template, reason: null, otherInfo: null, at, raw: {} }, accounts as any)
  }

  /** Every template status Meta reported for the account's WABA. */
  knownTemplateStatuses(accountId: string) {
    return listTemplateStatuses(this.manager_, accountId)
  }

  /** The account's latest account-level webhooks (newest first), for the connection check. */
  latestAccountEvents(accountId: string, limit = 10) {
    return listAccountEvents(this.manager_, accountId, limit)
  }

  /** Removes messages an ingest created (compensation: the retry creates them again). */
  removeIngestedMessages(created: Pick<IngestedMessage, "message_id" | "conversation_id">[]): Promise<void> {
    return this.manager_.transactional((db) => removeIngestedMessages(db, created))
  }

  /**
   * Forgets what was sent to Meta, so the next sync sends every item again
   * (a catalog emptied on Meta's side, such as the sandbox's after a restart).
   */
  async resendAllCatalogItems(): Promise<void> {
    await this.manager_.execute(
      `update whatsapp_catalog_item set content_hash = null, sync_status = 'pending' where deleted_at is null and sync_status <> 'invalid'`
    )
  }
}

export default WhatsAppModuleService
