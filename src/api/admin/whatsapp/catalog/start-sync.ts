import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../../../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppCatalogSyncRun } from "../../../../types/http"
import { createWhatsAppCatalogSyncRunWorkflow } from "../../../../workflows/catalog/workflows/create-whatsapp-catalog-sync-run"
import { syncWhatsAppCatalogWorkflow } from "../../../../workflows/catalog/workflows/sync-whatsapp-catalog"

/**
 * Records a manual sync run and starts the sync without waiting: the run is
 * returned at once and records the outcome (GET /admin/whatsapp/catalog/runs/:id).
 */
export async function startCatalogSync(container: MedusaContainer, accountId: string): Promise<AdminWhatsAppCatalogSyncRun> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const { result: created } = await createWhatsAppCatalogSyncRunWorkflow(container).run({ input: { account_id: accountId } })
  const run = await whatsapp.retrieveWhatsappCatalogSyncRun(created.id)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  syncWhatsAppCatalogWorkflow(container)
    .run({ input: { account_id: accountId, run_id: run.id, trigger: "manual" } })
    .catch((error: Error) => logger.warn(`whatsapp: catalog sync ${run.id} failed: ${describeError(error)}`))
  return run as unknown as AdminWhatsAppCatalogSyncRun
}
