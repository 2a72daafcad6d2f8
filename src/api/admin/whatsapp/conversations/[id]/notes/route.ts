import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { createWhatsAppConversationNoteWorkflow } from "../../../../../../workflows/inbox/workflows/create-whatsapp-conversation-note"
import { retrieveConversation } from "../../helpers"
import type { AdminCreateConversationNoteType } from "./validators"
import type {
  AdminWhatsAppConversationNote,
  AdminWhatsAppConversationNoteListResponse,
  AdminWhatsAppConversationNoteResponse,
} from "../../../../../../types/http"

const NOTE_FIELDS = ["id", "conversation_id", "author_id", "text", "created_at"]

/** The team's internal notes on a conversation, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationNoteListResponse>) {
  await retrieveConversation(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const notes = await whatsapp.listWhatsappConversationNotes(
    { conversation_id: req.params.id },
    { select: NOTE_FIELDS, take: null, order: { created_at: "ASC" } } as any
  )
  res.json({ notes: notes as unknown as AdminWhatsAppConversationNote[] })
}

/** Adds a note signed by the admin who wrote it. Nothing is sent to the customer. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateConversationNoteType>, res: MedusaResponse<AdminWhatsAppConversationNoteResponse>) {
  await retrieveConversation(req.scope, req.params.id)
  const { result } = await createWhatsAppConversationNoteWorkflow(req.scope).run({
    input: { conversation_id: req.params.id, author_id: req.auth_context.actor_id, text: req.validatedBody.text },
  })
  const note = result as any
  res.status(201).json({
    note: { id: note.id, conversation_id: note.conversation_id, author_id: note.author_id, text: note.text, created_at: note.created_at },
  })
}
