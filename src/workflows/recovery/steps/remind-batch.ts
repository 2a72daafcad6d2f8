import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AccountSettings, SupportedLanguage } from "../../../lib/account-settings"
import { outboundPreview } from "../../../lib/outbound/limits"
import { planRecoveryReminder } from "../../../lib/recovery/plan-reminder"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { queueOutboundMessages } from "../../../modules/whatsapp/sql/outbound"
import { claimDueCarts, DueCart, recordRecoveryOutcomes, RecoveryOutcome, recoveryMessageKey } from "../../../modules/whatsapp/sql/recovery"
import { loadReminderCarts } from "./load-reminder-carts"
import type { RemindAbandonedCartsResult } from "./remind-abandoned-carts"

export type BatchContext = {
  container: any
  account: { id: string; language: string }
  settings: AccountSettings
  now: Date
  batchSize: number
}

/**
 * One transaction: lock the next due carts, read their Medusa carts in one
 * query, queue the reminders in one insert and record every outcome in one
 * update. A crash leaves the batch either done or untouched.
 */
export async function remindBatch(context: BatchContext, after: DueCart | null): Promise<{ due: DueCart[]; done: RemindAbandonedCartsResult }> {
  const { container, account, settings, now } = context
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const options = whatsapp.getOptions()
  const dueBefore = new Date(now.getTime() - settings.recovery_delay_minutes * 60_000)
  const expiresAt = new Date(now.getTime() + options.checkoutLinkTtlHours * 3_600_000)

  return whatsapp.transaction(async (tx) => {
    const done: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }
    const due = await claimDueCarts(tx, { accountId: account.id, dueBefore, limit: context.batchSize, after })
    if (!due.length) return { due, done }
    const carts = await loadReminderCarts(query, due.map((d) => d.cart_id))
    const outcomes: RecoveryOutcome[] = []
    const toQueue: { cart: DueCart; channel: "interactive" | "template"; message: any }[] = []
    for (const cart of due) {
      const medusaCart = carts.get(cart.cart_id) ?? null
      if (medusaCart?.completed) {
        done.completed_cart_ids.push(cart.cart_id)
        continue
      }
      const link = whatsapp.checkoutLinkWithSuffix(cart.id, cart.cart_id, expiresAt)
      const plan = planRecoveryReminder(
        {
          wa_id: cart.wa_id,
          language: (cart.language ?? account.language) as SupportedLanguage,
          customer_name: cart.profile_name ?? medusaCart?.customer_first_name ?? null,
          last_inbound_at: cart.last_inbound_at,
          opted_out: cart.opted_out,
          cart: medusaCart,
          checkout_url: link.url,
          checkout_url_suffix: link.suffix,
        },
        { now, template: settings.recovery_template, opt_out_keywords: options.optOutKeywords }
      )
      if (plan.send) toQueue.push({ cart, channel: plan.channel, message: plan.message })
      else outcomes.push({ id: cart.id, channel: null, message_id: null, skipped_reason: plan.reason, checkout_expires_at: null })
    }
    const queued = await queueOutboundMessages(
      tx,
      toQueue.map((q) => ({
        conversationId: q.cart.conversation_id,
        type: q.message.type,
        text: outboundPreview(q.message),
        payload: q.message,
        idempotencyKey: recoveryMessageKey(q.cart.id),
      }))
    )
    toQueue.forEach((q, i) => {
      outcomes.push({ id: q.cart.id, channel: q.channel, message_id: queued[i].id, skipped_reason: null, checkout_expires_at: expiresAt })
      if (queued[i].created) done.queued_message_ids.push(queued[i].id)
    })
    await recordRecoveryOutcomes(tx, now, outcomes)
    const byId = new Map(due.map((d) => [d.id, d]))
    for (const o of outcomes) {
      const cart = byId.get(o.id)!
      done.abandoned.push({
        whatsapp_cart_id: o.id,
        cart_id: cart.cart_id,
        account_id: cart.account_id,
        conversation_id: cart.conversation_id,
        reminded: !!o.channel,
        channel: o.channel,
        message_id: o.message_id,
        skipped_reason: o.skipped_reason,
      })
    }
    return { due, done }
  })
}
