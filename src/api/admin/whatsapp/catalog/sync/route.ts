import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import type { AdminStartCatalogSyncType } from "../validators"
import type { AdminWhatsAppCatalogSyncRunResponse } from "../../../../../types/http"
import { startCatalogSync } from "../start-sync"

/**
 * Starts a full sync and answers at once with its run; the run records the
 * outcome (GET /admin/whatsapp/catalog/runs/:id).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartCatalogSyncType>, res: MedusaResponse<AdminWhatsAppCatalogSyncRunResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts({ id: req.validatedBody.account_id })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${req.validatedBody.account_id} was not found`)
  if (!account.catalog_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Connect a catalog to this account first")
  res.status(202).json({ run: await startCatalogSync(req.scope, account.id) })
}
