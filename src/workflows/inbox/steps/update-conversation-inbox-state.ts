import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type ConversationInboxChange = { conversation_id: string; assigned_to_id?: string | null; status?: "open" | "closed" }

const FIELDS = ["id", "assigned_to_id", "assigned_at", "status", "closed_at"]

/**
 * Assigns, unassigns, closes or reopens; times are kept only when the value
 * really changes (assigning to the same person again keeps `assigned_at`).
 * Compensation restores the four fields.
 */
export const updateConversationInboxStateStep = createStep(
  "update-whatsapp-conversation-inbox-state",
  async (input: ConversationInboxChange, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = (await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: FIELDS })) as any
    const now = new Date()
    const patch: Record<string, unknown> = { id: before.id }
    if (input.assigned_to_id !== undefined && input.assigned_to_id !== before.assigned_to_id) {
      patch.assigned_to_id = input.assigned_to_id
      patch.assigned_at = input.assigned_to_id ? now : null
    }
    if (input.status && input.status !== before.status) {
      patch.status = input.status
      patch.closed_at = input.status === "closed" ? now : null
    }
    if (Object.keys(patch).length > 1) await whatsapp.updateWhatsappConversations(patch as any)
    const changed = { assigned: "assigned_to_id" in patch, status: "status" in patch }
    return new StepResponse(changed, before)
  },
  async (before, { container }) => {
    if (!before) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappConversations({
      id: before.id,
      assigned_to_id: before.assigned_to_id,
      assigned_at: before.assigned_at,
      status: before.status,
      closed_at: before.closed_at,
    } as any)
  }
)
