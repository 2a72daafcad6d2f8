import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteWhatsAppSearchSynonymWorkflow,
  updateWhatsAppSearchSynonymWorkflow,
} from "../../../../../../workflows/selling/workflows/search-synonyms"
import type { AdminUpdateSearchSynonymType } from "../validators"
import type {
  AdminWhatsAppSearchSynonym,
  AdminWhatsAppSearchSynonymDeleteResponse,
  AdminWhatsAppSearchSynonymResponse,
} from "../../../../../../types/http"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateSearchSynonymType>, res: MedusaResponse<AdminWhatsAppSearchSynonymResponse>) {
  const { result } = await updateWhatsAppSearchSynonymWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } as any })
  res.json({ synonym: result as unknown as AdminWhatsAppSearchSynonym })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppSearchSynonymDeleteResponse>) {
  await deleteWhatsAppSearchSynonymWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_search_synonym", deleted: true })
}
