import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AccountSettings, SupportedLanguage } from "../../../lib/account-settings"
import { outboundPreview } from "../../../lib/outbound/limits"
import { planRecoveryReminder } from "../../../lib/recovery/plan-reminder"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { DueCart, ReminderDecision } from "../../../modules/whatsapp/types"
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
 * One batch (one transaction in the module): the next due carts, their
 * Medusa carts read in one query, a reminder planned for each.
 */
export async function remindBatch(context: BatchContext, after: DueCart | null): Promise<{ due: DueCart[]; done: RemindAbandonedCartsResult }> {
  const { container, account, settings, now } = context
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const options = whatsapp.getOptions()
  const dueBefore = new Date(now.getTime() - settings.recovery_delay_minutes * 60_000)
  const expiresAt = new Date(now.getTime() + options.checkoutLinkTtlHours * 3_600_000)

  // What Meta last said of the recovery template: a paused or rejected one is never sent.
  const template = settings.recovery_template
  const templateStatus = template ? await whatsapp.knownTemplateStatus(account.id, template.name, template.language) : null

  const done: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }
  const { due, results } = await whatsapp.remindDueCarts(
    { accountId: account.id, dueBefore, now, limit: context.batchSize, after },
    async (due) => {
      const carts = await loadReminderCarts(query, due.map((d) => d.cart_id))
      const decisions: ReminderDecision[] = []
      for (const cart of due) {
        const medusaCart = carts.get(cart.cart_id) ?? null
        if (medusaCart?.completed) {
          // Paid meanwhile: the order flow records it; no reminder, no outcome.
          done.completed_cart_ids.push(cart.cart_id)
          continue
        }
        const link = whatsapp.checkoutLinkWithSuffix(cart.id, cart.cart_id, expiresAt)
        const plan = planRecoveryReminder(
          {
            wa_id: cart.wa_id,
            user_id: cart.user_id,
            language: (cart.language ?? account.language) as SupportedLanguage,
            customer_name: cart.profile_name ?? medusaCart?.customer_first_name ?? null,
            last_inbound_at: cart.last_inbound_at,
            opted_out: cart.opted_out,
            marketing_preference: cart.marketing_preference,
            marketing_preference_detail: cart.marketing_preference_detail,
            cart: medusaCart,
            checkout_url: link.url,
            checkout_url_suffix: link.suffix,
          },
          { now, template, template_status: templateStatus, opt_out_keywords: options.optOutKeywords }
        )
        decisions.push(
          plan.send
            ? { cart, skip: false, channel: plan.channel, message: plan.message, preview: outboundPreview(plan.message), checkout_expires_at: expiresAt }
            : { cart, skip: true, reason: plan.reason }
        )
      }
      return decisions
    }
  )
  for (const { decision, message } of results) {
    const cart = decision.cart
    if (message?.created) done.queued_message_ids.push(message.id)
    done.abandoned.push({
      whatsapp_cart_id: cart.id,
      cart_id: cart.cart_id,
      account_id: cart.account_id,
      conversation_id: cart.conversation_id,
      reminded: !decision.skip,
      channel: decision.skip ? null : decision.channel,
      message_id: message?.id ?? null,
      skipped_reason: decision.skip ? decision.reason : null,
    })
  }
  return { due, done }
}
