import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importWhatsAppCatalogWorkflow } from "../../../../../workflows/catalog/workflows/import-whatsapp-catalog"
import type { AdminWhatsAppCatalogImportResponse } from "../../../../../types/http"
import { withMetaErrors } from "../../meta-errors"
import type { AdminStartCatalogSyncType } from "../validators"

/** Reads the existing catalog, matches items to variants, lists the unmatched for manual mapping. */
export const POST = withMetaErrors(
  "Meta did not return the catalog",
  async (req: AuthenticatedMedusaRequest<AdminStartCatalogSyncType>, res: MedusaResponse<AdminWhatsAppCatalogImportResponse>) => {
    const { result } = await importWhatsAppCatalogWorkflow(req.scope).run({ input: { account_id: req.validatedBody.account_id } })
    res.json({ import: result })
  }
)
