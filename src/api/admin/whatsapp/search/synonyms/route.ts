import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import { createWhatsAppSearchSynonymWorkflow } from "../../../../../workflows/selling/workflows/search-synonyms"
import type { AdminCreateSearchSynonymType } from "./validators"
import type {
  AdminWhatsAppSearchSynonym,
  AdminWhatsAppSearchSynonymListResponse,
  AdminWhatsAppSearchSynonymResponse,
} from "../../../../../types/http"

/** The store's synonym groups for WhatsApp search, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppSearchSynonymListResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const groups = await whatsapp.listWhatsappSearchSynonyms({}, { take: null, order: { created_at: "ASC" } } as any)
  res.json({ synonyms: groups as unknown as AdminWhatsAppSearchSynonym[] })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateSearchSynonymType>, res: MedusaResponse<AdminWhatsAppSearchSynonymResponse>) {
  const { result } = await createWhatsAppSearchSynonymWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ synonym: result as unknown as AdminWhatsAppSearchSynonym })
}
