import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { CATALOG_ACCOUNT_FIELDS, catalogSourceAccounts } from "../lib/catalog/catalog-sharing"
import { syncWhatsAppCatalogWorkflow } from "../workflows/catalog/workflows/sync-whatsapp-catalog"
import { describeError } from "../lib/safe-error"

/**
 * Full reconcile, nightly: catches what no event reported (price lists,
 * direct database edits, a missed event). It sends only real differences.
 */
export default async function reconcileWhatsAppCatalogs(container: MedusaContainer) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // One run per catalog (from its source account), however many numbers share it.
  const accounts = catalogSourceAccounts((await whatsapp.listWhatsappAccounts({}, { select: CATALOG_ACCOUNT_FIELDS })) as any[])
  for (const account of accounts) {
    try {
      await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id, trigger: "scheduled" } })
    } catch (error) {
      logger.warn(`whatsapp: nightly catalog reconcile for ${account.id} failed: ${describeError(error)}`)
    }
  }
}

export const config = {
  name: "whatsapp-reconcile-catalogs",
  schedule: process.env.WHATSAPP_CATALOG_RECONCILE_CRON ?? "0 3 * * *",
}
