import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { syncWhatsAppCatalogWorkflow } from "../workflows/catalog/workflows/sync-whatsapp-catalog"

/**
 * Full reconcile, nightly: catches what no event reported (price lists,
 * direct database edits, a missed event). It sends only real differences.
 */
export default async function reconcileWhatsAppCatalogs(container: MedusaContainer) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const accounts = await whatsapp.listWhatsappAccounts({}, { select: ["id", "catalog_id", "region_id", "sales_channel_id"] })
  for (const account of accounts.filter((a) => a.catalog_id && a.region_id && a.sales_channel_id)) {
    try {
      await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id, trigger: "scheduled" } })
    } catch (error) {
      logger.warn(`whatsapp: nightly catalog reconcile for ${account.id} failed: ${(error as Error).message}`)
    }
  }
}

export const config = {
  name: "whatsapp-reconcile-catalogs",
  schedule: process.env.WHATSAPP_CATALOG_RECONCILE_CRON ?? "0 3 * * *",
}
