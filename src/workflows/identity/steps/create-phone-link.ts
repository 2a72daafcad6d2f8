import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SupportedLanguage } from "../../../lib/account-settings"
import { phoneLinkText, phoneLinkUrl } from "../../../lib/customer-link"
import { SERVICE_WINDOW_MS } from "../../../lib/customer-window"
import type { TextMessage } from "../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type CreatePhoneLinkInput = { customer_id: string; wa_id: string }
export type CreatedPhoneLink = { id: string; conversation_id: string; message: TextMessage } | null

/**
 * Issues a one-time phone link for the customer in the number's most recent
 * conversation that can take a free-form message (open 24-hour window, not
 * opted out). Null when there is none or the conversation got its hourly
 * share: the route answers the same either way, so nobody learns from it
 * whether a number talks to the store.
 */
export const createPhoneLinkStep = createStep(
  "create-whatsapp-phone-link",
  async (input: CreatePhoneLinkInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const template = whatsapp.getOptions().customerLinkUrl
    if (!template) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Linking a WhatsApp number is not set up in this store (customerLinkUrl)")
    }
    const [conversation] = await whatsapp.listWhatsappConversations(
      { wa_id: input.wa_id, opted_out: false, last_inbound_at: { $gt: new Date(Date.now() - SERVICE_WINDOW_MS) } },
      { select: ["id", "language", "account.language"], relations: ["account"], order: { last_inbound_at: "DESC" }, take: 1 }
    )
    if (!conversation) return new StepResponse(null as CreatedPhoneLink, null)
    const created = await whatsapp.createPhoneLink({ conversation_id: conversation.id, customer_id: input.customer_id })
    if (!created) return new StepResponse(null as CreatedPhoneLink, null)
    const lang = (conversation.language ?? (conversation as any).account?.language ?? "en") as SupportedLanguage
    const message: TextMessage = { type: "text", text: { body: phoneLinkText(lang, phoneLinkUrl(template, created.token)), preview_url: false } }
    return new StepResponse({ id: created.id, conversation_id: conversation.id, message } as CreatedPhoneLink, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).deletePhoneLink(id)
  }
)
