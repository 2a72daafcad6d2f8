import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { ConciergeOutcome } from "../concierge/outcome"

type Previous = { id: string; search_misses: number; handoff_at: Date | null; handoff_reason: string | null }

/**
 * Stores what an answer changed on the conversation: the count of missed
 * searches, and the handoff (which pauses auto-replies). A conversation
 * already handed off keeps its first handoff time and reason.
 */
export const recordConciergeOutcomeStep = createStep(
  "record-whatsapp-concierge-outcome",
  async (outcome: ConciergeOutcome, { container }) => {
    if (outcome.search_misses === null && !outcome.handoff_reason) return new StepResponse(false, null as Previous | null)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappConversation(outcome.conversation_id, { select: ["id", "search_misses", "handoff_at", "handoff_reason"] })
    const update: Record<string, unknown> = { id: outcome.conversation_id }
    if (outcome.search_misses !== null) update.search_misses = outcome.search_misses
    const handedOff = !!outcome.handoff_reason && !before.handoff_at
    if (handedOff) {
      update.handoff_at = new Date()
      update.handoff_reason = outcome.handoff_reason
    }
    await whatsapp.updateWhatsappConversations(update as any)
    const previous: Previous = { id: before.id, search_misses: before.search_misses, handoff_at: before.handoff_at as Date | null, handoff_reason: before.handoff_reason ?? null }
    return new StepResponse(handedOff, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappConversations(previous as any)
  }
)
