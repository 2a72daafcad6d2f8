import { model } from "@medusajs/framework/utils"
import { WhatsappAccount } from "./whatsapp-account"
import { WhatsappConversation } from "./whatsapp-conversation"

/**
 * A cart a customer sent from WhatsApp, and what became of it. `source_wamid`
 * is unique: one order message yields at most one Medusa cart and one
 * checkout link, however often Meta redelivers it.
 */
export const WhatsappCart = model
  .define("whatsapp_cart", {
    id: model.id({ prefix: "wacart" }).primaryKey(),
    account: model.belongsTo(() => WhatsappAccount, { mappedBy: "carts" }),
    conversation: model.belongsTo(() => WhatsappConversation, { mappedBy: "carts" }),
    source_wamid: model.text(),
    source_message_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    /**
     * `rejected`: nothing in the order could be added, so no cart was made.
     * `ordered`: an order awaits a manual payment (transfer, cash on delivery).
     */
    status: model
      .enum(["pending", "submitted", "link_sent", "ordered", "paid", "abandoned", "recovered", "rejected"])
      .default("pending"),
    currency_code: model.text().nullable(),
    total: model.bigNumber().nullable(),
    /** What the customer sent and what Medusa made of it (shown in the inbox). */
    items: model.json().nullable(),
    /** Unknown items, stock caps, price changes, currency mismatch. */
    issues: model.json().nullable(),
    checkout_expires_at: model.dateTime().nullable(),
    link_message_id: model.text().nullable(),
    /** When the cart was found unpaid after the recovery delay (reminded or not). */
    abandoned_at: model.dateTime().nullable(),
    recovery_sent_at: model.dateTime().nullable(),
    /** How the reminder went out: `interactive` (inside the 24-hour window) or `template`. */
    recovery_channel: model.text().nullable(),
    recovery_message_id: model.text().nullable(),
    /** How many recovery steps the cart has had; 3 (the most) once nothing may follow (opted out, cart gone). */
    recovery_step: model.number().default(0),
    /** Why no reminder was sent (opted out, no template, marketing blocked for the number…). */
    recovery_skipped_reason: model.text().nullable(),
    order_id: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    /** The order's total when it was placed: recovered revenue is summed from it. */
    order_total: model.bigNumber().nullable(),
    /** The payment provider the customer chose at checkout. */
    payment_provider_id: model.text().nullable(),
    /** The conversation's latest ad referral when the cart was made (ad attribution). */
    referral_source_id: model.text().nullable(),
    referral_ctwa_clid: model.text().nullable(),
    referral: model.json().nullable(),
  })
  .indexes([
    { on: ["source_wamid"], unique: true, where: "deleted_at IS NULL" },
    { on: ["cart_id"], where: "cart_id IS NOT NULL" },
    { on: ["conversation_id"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["account_id", "status", "created_at"] },
    // Only open carts: the recovery job's scan does not grow with completed ones.
    { on: ["account_id", "created_at"], where: "status IN ('submitted', 'link_sent') AND deleted_at IS NULL" },
    // Carts a recovery step may still reach: the recovery job's scan does not grow with finished ones.
    {
      on: ["account_id", "created_at"],
      where: "status IN ('submitted', 'link_sent', 'abandoned') AND recovery_step < 3 AND deleted_at IS NULL",
      name: "IDX_whatsapp_cart_recovery_due",
    },
    { on: ["created_at"] },
    { on: ["referral_source_id"], where: "referral_source_id IS NOT NULL AND deleted_at IS NULL", name: "IDX_whatsapp_cart_referral_source_id" },
  ])
