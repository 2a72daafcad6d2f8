import { payloadPhoneNumberIds } from "./webhook-payload"
import { payloadAccountLevelWabaIds } from "./webhook-account-events"
import { signingSecret } from "./webhook-signature"

/**
 * Which app secret may sign webhooks for each connected phone number id:
 * the account's own, else the plugin's (`appSecret` option), else none.
 */
export type WebhookSecretBook = {
  /** Every connected (not deleted) account's phone number id → its own secret, or null when it has none. */
  accounts: ReadonlyMap<string, string | null>
  /** The plugin-wide secret, for accounts without one of their own. */
  pluginSecret: string | null
  /** WABA id → the phone number ids of its connected accounts (account-level webhooks name only the WABA). */
  wabas?: ReadonlyMap<string, readonly string[]>
}

export type WebhookAuthorization =
  | { ok: true; phoneNumberIds: string[] }
  | { ok: false; reason: "signature" | "account-secret-mismatch" }

/** The secret that may sign a phone number id's webhooks; undefined for a number no account has. */
export function effectiveSecret(book: WebhookSecretBook, phoneNumberId: string): string | null | undefined {
  if (!book.accounts.has(phoneNumberId)) return undefined
  return book.accounts.get(phoneNumberId) ?? book.pluginSecret
}

/**
 * Verify first, parse after. Meta signs one body with one app's secret, so:
 * 1. find the secret among the few distinct ones the plugin knows that signs
 *    these exact bytes (no parsing of unverified input);
 * 2. parse, and accept only if every connected account the body names has
 *    that very secret as its own (or, having none, the plugin's). A body
 *    naming accounts with different secrets is accepted for none of them.
 * Numbers no account has are not checked: processing stores and ignores them.
 * A verified body that is not JSON names no account and is accepted (stored,
 * shown as malformed, never processed).
 */
export function authorizeWebhook(raw: Buffer, header: string | string[] | undefined, book: WebhookSecretBook): WebhookAuthorization {
  const candidates = new Set<string>()
  for (const secret of book.accounts.values()) if (secret) candidates.add(secret)
  if (book.pluginSecret) candidates.add(book.pluginSecret)

  const secret = signingSecret(raw, header, candidates)
  if (secret === null) {
    return { ok: false, reason: "signature" }
  }
  let phoneNumberIds: string[] = []
  let wabaAccounts: string[] = []
  try {
    const payload = JSON.parse(raw.toString("utf8"))
    phoneNumberIds = payloadPhoneNumberIds(payload)
    // A change without a phone number id (template status, account update…) speaks for every account of its WABA.
    wabaAccounts = payloadAccountLevelWabaIds(payload).flatMap((waba) => [...(book.wabas?.get(waba) ?? [])])
  } catch {
    return { ok: true, phoneNumberIds: [] }
  }
  for (const id of [...phoneNumberIds, ...wabaAccounts]) {
    const allowed = effectiveSecret(book, id)
    if (allowed !== undefined && allowed !== secret) {
      return { ok: false, reason: "account-secret-mismatch" }
    }
  }
  return { ok: true, phoneNumberIds }
}
