import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import { syncWhatsAppCatalogWorkflow } from "../../../../../workflows/catalog/workflows/sync-whatsapp-catalog"
import { createWhatsAppCatalogSyncRunWorkflow } from "../../../../../workflows/catalog/workflows/create-whatsapp-catalog-sync-run"
import type { AdminStartCatalogSyncType } from "../validators"
import { describeError } from "../../../../../lib/safe-error"
import type { AdminWhatsAppCatalogSyncRun, AdminWhatsAppCatalogSyncRunResponse } from "../../../../../types/http"

/**
 * Starts a full sync and answers at once with its run; the run records the
 * outcome (GET /admin/whatsapp/catalog/runs/:id).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartCatalogSyncType>, res: MedusaResponse<AdminWhatsAppCatalogSyncRunResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [account] = await whatsapp.listWhatsappAccounts({ id: req.validatedBody.account_id })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp account ${req.validatedBody.account_id} was not found`)
  if (!account.catalog_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Connect a catalog to this account first")
  const { result: created } = await createWhatsAppCatalogSyncRunWorkflow(req.scope).run({ input: { account_id: account.id } })
  const run = await whatsapp.retrieveWhatsappCatalogSyncRun(created.id)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  syncWhatsAppCatalogWorkflow(req.scope)
    .run({ input: { account_id: account.id, run_id: run.id, trigger: "manual" } })
    .catch((error: Error) => logger.warn(`whatsapp: catalog sync ${run.id} failed: ${describeError(error)}`))
  res.status(202).json({ run: run as unknown as AdminWhatsAppCatalogSyncRun })
}
