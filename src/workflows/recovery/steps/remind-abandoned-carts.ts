import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveAccountSettings, SupportedLanguage } from "../../../lib/account-settings"
import { outboundPreview } from "../../../lib/outbound/limits"
import { planRecoveryReminder } from "../../../lib/recovery/plan-reminder"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { queueOutboundMessages } from "../../../modules/whatsapp/sql/outbound"
import { claimDueCarts, DueCart, recordRecoveryOutcomes, RecoveryOutcome, recoveryMessageKey } from "../../../modules/whatsapp/sql/recovery"
import { loadReminderCarts } from "./load-reminder-carts"

export type RemindAbandonedCartsInput = {
  /** The clock: defaults to now; tests and back-fills pass their own. */
  now?: string | Date
  batch_size?: number
}

export type AbandonedCart = {
  whatsapp_cart_id: string
  cart_id: string
  account_id: string
  conversation_id: string
  reminded: boolean
  channel: "interactive" | "template" | null
  message_id: string | null
  skipped_reason: string | null
}

export type RemindAbandonedCartsResult = {
  abandoned: AbandonedCart[]
  queued_message_ids: string[]
  /** Carts Medusa completed although their order was never recorded here (a lost `order.placed`). */
  completed_cart_ids: string[]
}

const DEFAULT_BATCH = 200

/**
 * Finds every cart unpaid past its account's recovery delay and gives each
 * exactly one outcome, a batch per transaction: the carts are locked, their
 * Medusa carts read in one query, the reminders queued and the carts marked
 * abandoned together, so a crash leaves a batch either done or untouched.
 */
export const remindAbandonedWhatsAppCartsStep = createStep(
  "remind-abandoned-whatsapp-carts",
  async (input: RemindAbandonedCartsInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const options = whatsapp.getOptions()
    const now = input.now ? new Date(input.now) : new Date()
    const batchSize = input.batch_size ?? DEFAULT_BATCH
    const result: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }

    const accounts = await whatsapp.listWhatsappAccounts({}, { select: ["id", "language", "settings"] })
    for (const account of accounts) {
      const settings = resolveAccountSettings(account.settings)
      if (!settings.recovery_enabled) continue
      const dueBefore = new Date(now.getTime() - settings.recovery_delay_minutes * 60_000)
      const expiresAt = new Date(now.getTime() + options.checkoutLinkTtlHours * 3_600_000)
      let after: DueCart | null = null
      for (;;) {
        // Results join `result` only once their transaction has committed.
        const batch = await whatsapp.transaction(async (tx) => {
          const done: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }
          const due = await claimDueCarts(tx, { accountId: account.id, dueBefore, limit: batchSize, after })
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
                language: account.language as SupportedLanguage,
                customer_name: cart.profile_name ?? medusaCart?.customer_first_name ?? null,
                last_inbound_at: cart.last_inbound_at,
                opted_out: cart.opted_out,
                cart: medusaCart,
                checkout_url: link.url,
                checkout_url_suffix: link.suffix,
              },
              { now, template: settings.recovery_template, opt_out_keywords: options.optOutKeywords }
            )
            if (plan.send) {
              toQueue.push({ cart, channel: plan.channel, message: plan.message })
            } else {
              outcomes.push({ id: cart.id, channel: null, message_id: null, skipped_reason: plan.reason, checkout_expires_at: null })
            }
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
        result.abandoned.push(...batch.done.abandoned)
        result.queued_message_ids.push(...batch.done.queued_message_ids)
        result.completed_cart_ids.push(...batch.done.completed_cart_ids)
        if (batch.due.length < batchSize) break
        after = batch.due[batch.due.length - 1]
      }
    }
    return new StepResponse(result)
  }
)
