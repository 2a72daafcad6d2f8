import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AccountSettings, SupportedLanguage } from "../../../lib/account-settings"
import { formatDateTime, formatMoney } from "../../../lib/chat-format"
import { discountExpiry, recoveryDiscountCode } from "../../../lib/discounts/discount-code"
import { outboundPreview } from "../../../lib/outbound/limits"
import { planRecoveryReminder } from "../../../lib/recovery/plan-reminder"
import { dueRecoveryStep, endsRecovery, stepCutoffs } from "../../../lib/recovery/plan-steps"
import { anonymousCustomerName } from "../../../lib/recovery/reminder-texts"
import { fillRecoveryText } from "../../../lib/recovery/step-text"
import { describeError } from "../../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { DueCart, ReminderDecision } from "../../../modules/whatsapp/types"
import { ensureDiscountCode } from "../../discounts/ensure-discount-code"
import { loadReminderCarts } from "./load-reminder-carts"
import type { RemindAbandonedCartsResult } from "./remind-abandoned-carts"

export type BatchContext = {
  container: any
  account: { id: string; language: string; name: string | null }
  settings: AccountSettings
  now: Date
  batchSize: number
}

/**
 * One batch (one transaction in the module): the next carts due for a
 * recovery step, their Medusa carts read in one query, the step's reminder
 * planned for each. A step with a discount makes the cart's promotion code
 * and applies it to the Medusa cart before the message is written, so the
 * total it shows is Medusa's discounted one.
 */
export async function remindBatch(context: BatchContext, after: DueCart | null): Promise<{ due: DueCart[]; done: RemindAbandonedCartsResult }> {
  const { container, account, settings, now } = context
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = whatsapp.getOptions()
  const steps = settings.recovery_steps
  const expiresAt = new Date(now.getTime() + options.checkoutLinkTtlHours * 3_600_000)

  // What Meta last said of each step's template: a paused or rejected one is never sent.
  const templateStatuses = await Promise.all(
    steps.map((s) => (s.template ? whatsapp.knownTemplateStatus(account.id, s.template.name, s.template.language) : null))
  )

  const done: RemindAbandonedCartsResult = { abandoned: [], queued_message_ids: [], completed_cart_ids: [] }
  const { due, results } = await whatsapp.remindDueCarts(
    { accountId: account.id, cutoffs: stepCutoffs(steps, now), now, limit: context.batchSize, after },
    async (due) => {
      const carts = await loadReminderCarts(query, due.map((d) => d.cart_id))
      const decisions: ReminderDecision[] = []
      for (const cart of due) {
        let medusaCart = carts.get(cart.cart_id) ?? null
        if (medusaCart?.completed) {
          // Paid meanwhile: the order flow records it; no reminder, no outcome.
          done.completed_cart_ids.push(cart.cart_id)
          continue
        }
        const step = dueRecoveryStep(steps, cart.recovery_step, new Date(cart.created_at), now)
        if (!step) continue
        const lang = (cart.language ?? account.language) as SupportedLanguage
        const link = whatsapp.checkoutLinkWithSuffix(cart.id, cart.cart_id, expiresAt)
        const input = {
          wa_id: cart.wa_id,
          user_id: cart.user_id,
          language: lang,
          customer_name: cart.profile_name ?? medusaCart?.customer_first_name ?? null,
          last_inbound_at: cart.last_inbound_at,
          opted_out: cart.opted_out,
          marketing_preference: cart.marketing_preference,
          marketing_preference_detail: cart.marketing_preference_detail,
          checkout_url: link.url,
          checkout_url_suffix: link.suffix,
        }
        const stepContext = {
          now,
          template: step.step.template,
          template_status: templateStatuses[step.number - 1],
          opt_out_keywords: options.optOutKeywords,
        }
        // Only a reminder that will go out gets a promotion.
        let plan = planRecoveryReminder({ ...input, cart: medusaCart }, stepContext)
        let discount: { code: string; expires_at: Date } | null = null
        if (plan.send && step.step.discount && medusaCart) {
          try {
            discount = await ensureDiscountCode(container, {
              code: recoveryDiscountCode(cart.id, step.number),
              spec: step.step.discount,
              currency_code: medusaCart.currency,
              expires_at: discountExpiry(step.step.discount, now),
              cart_id: cart.cart_id,
              label: `WhatsApp cart recovery, step ${step.number}`,
            })
            medusaCart = (await loadReminderCarts(query, [cart.cart_id])).get(cart.cart_id) ?? medusaCart
          } catch (error) {
            // The reminder still goes, without a code (a text naming the code falls back to the built-in one).
            logger.warn(`whatsapp: recovery step ${step.number} of cart ${cart.id} sent without its discount: ${describeError(error)}`)
          }
        }
        if (medusaCart && plan.send) {
          const text = step.step.text
            ? fillRecoveryText(step.step.text, {
                customer_name: input.customer_name ?? anonymousCustomerName(lang),
                cart_total: formatMoney(medusaCart.total, medusaCart.currency, lang),
                checkout_url: link.url,
                store_name: account.name ?? "",
                ...(discount ? { discount_code: discount.code, discount_expires_at: formatDateTime(discount.expires_at, lang) } : {}),
              })
            : null
          plan = planRecoveryReminder({ ...input, cart: medusaCart }, { ...stepContext, text })
        }
        const base = { cart, step: step.number, superseded: step.superseded }
        decisions.push(
          plan.send
            ? {
                ...base,
                skip: false,
                channel: plan.channel,
                message: plan.message,
                preview: outboundPreview(plan.message),
                checkout_expires_at: expiresAt,
                promotion_code: discount?.code ?? null,
              }
            : { ...base, skip: true, reason: plan.reason, final: endsRecovery(plan.reason) }
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
      step: decision.step,
      reminded: !decision.skip,
      channel: decision.skip ? null : decision.channel,
      message_id: message?.id ?? null,
      skipped_reason: decision.skip ? decision.reason : null,
      promotion_code: decision.skip ? null : decision.promotion_code,
    })
  }
  return { due, done }
}
