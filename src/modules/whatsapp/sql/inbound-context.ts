import { MedusaError } from "@medusajs/framework/utils"
import { AccountSettings, resolveAccountSettings, SupportedLanguage } from "../../../lib/account-settings"
import type { SqlRunner } from "./ingest"
import { CONVERSATION_LANGUAGE } from "./checkout"
import { isProvenLink } from "../../../lib/customer-link"

export type InboundContext = {
  message_id: string
  text: string | null
  referred_retailer_id: string | null
  conversation_id: string
  /** The customer's language when their messages told it, else the account's: every reply uses it. */
  language: SupportedLanguage
  conversation: {
    /** Set while a person has the conversation: auto-replies pause. */
    handoff_at: Date | null
    search_misses: number
    profile_name: string | null
    /** A proven customer link only (see lib/customer-link). */
    customer_id: string | null
  }
  account: {
    id: string
    catalog_id: string | null
    sales_channel_id: string | null
    region_id: string | null
    language: SupportedLanguage
    settings: AccountSettings
  }
}

/** An incoming message with its conversation and account, as the reply steps need them. */
export async function loadInboundMessage(db: SqlRunner, messageId: string): Promise<InboundContext> {
  const [row] = await db.execute(
    `select m.id, m.text, m.direction, m.referred_retailer_id, c.id as conversation_id,
            c.handoff_at, c.search_misses, c.profile_name, c.customer_id, c.customer_link_method, ${CONVERSATION_LANGUAGE} as customer_language,
            a.id as account_id, a.catalog_id, a.sales_channel_id, a.region_id, a.language, a.settings
     from whatsapp_message m
     join whatsapp_conversation c on c.id = m.conversation_id
     join whatsapp_account a on a.id = c.account_id
     where m.id = ? and m.deleted_at is null`,
    [messageId]
  )
  if (!row || row.direction !== "inbound") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Incoming WhatsApp message ${messageId} was not found`)
  }
  return {
    message_id: row.id,
    text: row.text,
    referred_retailer_id: row.referred_retailer_id,
    conversation_id: row.conversation_id,
    language: row.customer_language,
    conversation: {
      handoff_at: row.handoff_at ?? null,
      search_misses: Number(row.search_misses ?? 0),
      profile_name: row.profile_name ?? null,
      customer_id: isProvenLink(row.customer_link_method) ? row.customer_id : null,
    },
    account: {
      id: row.account_id,
      catalog_id: row.catalog_id,
      sales_channel_id: row.sales_channel_id,
      region_id: row.region_id,
      language: row.language,
      settings: resolveAccountSettings(row.settings),
    },
  }
}
