import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { SupportedLanguage } from "../../../lib/account-settings"
import { clip, formatDateTime, oneLine } from "../../../lib/chat-format"
import { isServiceWindowOpen } from "../../../lib/customer-window"
import { automationDiscountCode, discountExpiry } from "../../../lib/discounts/discount-code"
import { PLACEHOLDER } from "../../../lib/recovery/step-text"
import { describeError } from "../../../lib/safe-error"
import { marketingRefusal } from "../../../lib/template-usability"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { ensureDiscountCode } from "../../discounts/ensure-discount-code"
import type { AutomationActionHandler } from "../types"

const REFUSALS = new Set<string>([MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_FOUND, MedusaError.Types.NOT_ALLOWED])

/**
 * A Medusa promotion with a code unique to this run (derived from the run
 * id, so a retried run finds the promotion it made), applied to the event's
 * cart when there is one (Medusa's totals then include it), and the text
 * sent in the chat with {{discount_code}} and {{discount_expires_at}}.
 * Free-form text needs the 24-hour window; a discount is marketing, so a
 * customer who opted out or stopped marketing messages gets nothing.
 */
export const handler: AutomationActionHandler<"send_discount"> = async (action, context) => {
  const { container, event, run, now } = context
  if (!event.conversation_id) {
    return { status: "skipped", detail: "The event has no WhatsApp conversation to send the code to." }
  }
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const conversation = await whatsapp.retrieveWhatsappConversation(event.conversation_id, { relations: ["account"] } as any)
  if (conversation.opted_out) return { status: "skipped", detail: "The customer opted out of messages." }
  const stopped = marketingRefusal("MARKETING", conversation as any)
  if (stopped) return { status: "skipped", detail: stopped }
  if (!isServiceWindowOpen(conversation.last_inbound_at, now)) {
    return { status: "skipped", detail: "Outside the 24-hour window a discount text cannot be sent (only a template)." }
  }

  let cart: { id: string; currency_code: string } | null = null
  if (event.cart_id) {
    const { data } = await query.graph({ entity: "cart", fields: ["id", "currency_code", "completed_at"], filters: { id: event.cart_id } })
    // A completed cart is an order: the code is still sent, for the next purchase.
    if (data[0] && !data[0].completed_at) cart = { id: data[0].id, currency_code: data[0].currency_code }
  }
  if (action.kind === "fixed" && !cart) {
    return { status: "failed", detail: "A fixed-amount discount needs the event's open cart (its currency); use a percentage instead." }
  }

  let discount
  try {
    discount = await ensureDiscountCode(container, {
      code: automationDiscountCode(run.id),
      spec: action,
      currency_code: cart?.currency_code ?? null,
      expires_at: discountExpiry(action, now),
      cart_id: cart?.id ?? null,
      label: `WhatsApp automation: ${context.rule.name}`.slice(0, 200),
    })
  } catch (error) {
    // Medusa's refusal (an invalid or expired code) will not get better by retrying; anything else (the database) may.
    const refusal = MedusaError.isMedusaError(error) && REFUSALS.has((error as MedusaError).type)
    // A refusal names promotion codes and rules, never customer data, so its message is the reason shown.
    const reason = refusal ? clip(oneLine((error as Error).message), 300) : describeError(error)
    return { status: "failed", detail: `The discount could not be made: ${reason}`, retryable: !refusal }
  }

  const language = ((conversation as any).language ?? (conversation as any).account?.language ?? "en") as SupportedLanguage
  const variables = {
    discount_code: discount.code,
    discount_expires_at: formatDateTime(discount.expires_at, language),
  }
  const values: Record<string, string> = { ...context.variables, ...variables }
  const body = action.text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? "").trim()
  if (!body) return { status: "failed", detail: "The discount text is empty once its variables are filled." }
  try {
    await sendWhatsAppMessageWorkflow(container).run({
      input: {
        conversation_id: event.conversation_id,
        message: { type: "text", text: { body } },
        // One message per run, however often the action is retried.
        idempotency_key: `automation-discount:${run.id}`,
      },
    })
  } catch (error) {
    return { status: "failed", detail: `The discount text could not be queued: ${describeError(error)}`, retryable: true, variables }
  }
  return {
    status: "done",
    detail: `Code ${discount.code}${discount.applied ? " applied to the cart" : ""}, valid until ${discount.expires_at.toISOString()}`,
    variables,
  }
}
