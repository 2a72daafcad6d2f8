import { model } from "@medusajs/framework/utils"
import { WhatsappAccount } from "./whatsapp-account"
import { WhatsappCart } from "./whatsapp-cart"
import { WhatsappMessage } from "./whatsapp-message"

/**
 * One customer talking to one business number. The customer is known by
 * their phone (`wa_id`), their business-scoped user ID (`user_id`), or both
 * (a database check requires one); see lib/customer-identity.
 */
export const WhatsappConversation = model
  .define("whatsapp_conversation", {
    id: model.id({ prefix: "waconv" }).primaryKey(),
    account: model.belongsTo(() => WhatsappAccount, { mappedBy: "conversations" }),
    wa_id: model.text().nullable(),
    user_id: model.text().nullable(),
    parent_user_id: model.text().nullable(),
    /** The customer's WhatsApp username, shown instead of a phone Meta withholds. */
    username: model.text().nullable(),
    /** Identifiers the customer had before a number or BSUID change (FormerIdentity[]). */
    former_identities: model.json().default([] as any),
    /** Set on a conversation folded into another when both turned out to be one customer. */
    merged_into_id: model.text().nullable(),
    profile_name: model.text().nullable(),
    /** The language the customer writes in, when their messages tell; otherwise the account's is used. */
    language: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** How the customer link was proven (see lib/customer-link); `unverified` links are never used. */
    customer_link_method: model.enum(["whatsapp_created", "verified_by_customer", "linked_by_admin", "unverified"]).nullable(),
    /** The admin user who linked by hand, or the customer who proved the number. */
    customer_linked_by: model.text().nullable(),
    customer_linked_at: model.dateTime().nullable(),
    /** Start of the 24-hour customer-service window. */
    last_inbound_at: model.dateTime().nullable(),
    last_message_at: model.dateTime().nullable(),
    opted_out: model.boolean().default(false),
    /** Meta's `user_preferences` webhook (or error 131050): marketing messages stopped or resumed, and when. */
    marketing_preference: model.enum(["stop", "resume"]).nullable(),
    marketing_preference_at: model.dateTime().nullable(),
    marketing_preference_detail: model.text().nullable(),
    unread_count: model.number().default(0),
    has_cart: model.boolean().default(false),
    has_inquiry: model.boolean().default(false),
    /** Handed off to a person (asked for one, or searches kept missing): auto-replies pause until an admin resumes them. */
    handoff_at: model.dateTime().nullable(),
    handoff_reason: model.enum(["requested", "search_misses", "faq_unanswered", "product_question", "address_needed"]).nullable(),
    /** The admin user (Medusa user id) who answers this conversation; null = unassigned. */
    assigned_to_id: model.text().nullable(),
    assigned_at: model.dateTime().nullable(),
    /** Closed by the team; a new message from the customer opens it again. */
    status: model.enum(["open", "closed"]).default("open"),
    closed_at: model.dateTime().nullable(),
    /** Consecutive searches that found nothing; reset by a hit or a resume. */
    search_misses: model.number().default(0),
    /** Click-to-WhatsApp referrals: the earliest (kept for good) and the latest. */
    first_referral: model.json().nullable(),
    last_referral: model.json().nullable(),
    /** Labels set by automations (tag_conversation) or an admin; distinct, in the order added. */
    tags: model.json().default([] as any),
    messages: model.hasMany(() => WhatsappMessage, { mappedBy: "conversation" }),
    carts: model.hasMany(() => WhatsappCart, { mappedBy: "conversation" }),
  })
  .indexes([
    { on: ["account_id", "wa_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "user_id"], unique: true, where: "deleted_at IS NULL AND user_id IS NOT NULL" },
    { on: ["last_message_at"] },
    { on: ["assigned_to_id"], where: "deleted_at IS NULL" },
    // `change_xid` (the last writing transaction, for the inbox's changed-since query) is kept by a
    // database trigger, not by this model: see Migration20261221030000 and sql/conversation-changes.
  ])
