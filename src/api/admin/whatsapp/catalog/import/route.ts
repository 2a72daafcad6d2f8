import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importWhatsAppCatalogWorkflow } from "../../../../../workflows/catalog/workflows/import-whatsapp-catalog"
import type { AdminStartCatalogSyncType } from "../validators"

/** Reads the existing catalog, matches items to variants, lists the unmatched for manual mapping. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartCatalogSyncType>, res: MedusaResponse) => {
  const { result } = await importWhatsAppCatalogWorkflow(req.scope).run({ input: { account_id: req.validatedBody.account_id } })
  res.json({ import: result })
}
