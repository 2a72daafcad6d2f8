import { createHash, randomBytes } from "node:crypto"
import type { SupportedLanguage } from "./account-settings"
import { pick } from "./chat-format"

/**
 * How a conversation came to be linked to a Medusa customer. A WhatsApp
 * sender proves only their WhatsApp identity, so a phone typed on a
 * storefront account proves nothing: only these three methods are trusted.
 * `unverified` marks links made before this rule (by phone match) that the
 * upgrade could not prove; they are kept for the admin to see, never used.
 */
export const CUSTOMER_LINK_METHODS = ["whatsapp_created", "verified_by_customer", "linked_by_admin", "unverified"] as const
export type CustomerLinkMethod = (typeof CUSTOMER_LINK_METHODS)[number]

export const PROVEN_LINK_METHODS: readonly CustomerLinkMethod[] = ["whatsapp_created", "verified_by_customer", "linked_by_admin"]

export function isProvenLink(method: string | null | undefined): method is CustomerLinkMethod {
  return !!method && (PROVEN_LINK_METHODS as readonly string[]).includes(method)
}

/** How long a phone-link sent in the chat can be used. */
export const PHONE_LINK_TTL_MINUTES = 15
/** Links sent to one conversation per hour, so a logged-in stranger cannot flood someone's chat. */
export const PHONE_LINKS_PER_HOUR = 3

/**
 * A one-time token for the phone-link message: 32 random bytes for the link,
 * and its SHA-256, the only form stored (a database read gives no usable token;
 * a hash is enough because the token itself is unguessable).
 */
export function newPhoneLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url")
  return { token, hash: hashPhoneLinkToken(token) }
}

export function hashPhoneLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/**
 * The storefront page that confirms the link, from the `customerLinkUrl`
 * template (`{token}` is replaced). Merchants should put the token in the
 * fragment (`#token={token}`): browsers never send it, so it reaches no log.
 */
export function phoneLinkUrl(template: string, token: string): string {
  return template.replaceAll("{token}", encodeURIComponent(token))
}

export function phoneLinkText(lang: SupportedLanguage, url: string, minutes = PHONE_LINK_TTL_MINUTES): string {
  return pick(lang, {
    en: `Someone asked to link this WhatsApp number to a customer account in our store. If it was you, open this link in the browser where you are logged in (valid ${minutes} minutes):\n${url}\n\nIf it wasn't you, ignore this message and don't share the link.`,
    es: `Alguien ha pedido vincular este número de WhatsApp a una cuenta de cliente de nuestra tienda. Si has sido tú, abre este enlace en el navegador donde tienes la sesión iniciada (válido ${minutes} minutos):\n${url}\n\nSi no has sido tú, ignora este mensaje y no compartas el enlace.`,
    pt: `Alguém pediu para vincular este número de WhatsApp a uma conta de cliente da nossa loja. Se foi você, abra este link no navegador em que está conectado (válido por ${minutes} minutos):\n${url}\n\nSe não foi você, ignore esta mensagem e não compartilhe o link.`,
  })
}
