import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { CATALOG_ACCOUNT_FIELDS, catalogSourceAccounts } from "../lib/catalog/catalog-sharing"
import { syncWhatsAppCatalogWorkflow } from "../workflows/catalog/workflows/sync-whatsapp-catalog"
import { describeError } from "../lib/safe-error"

/** Queued variants wait until no change touched them for this long (debounce). */
export const CATALOG_QUIET_MS = 3_000

/** Incremental sync: the variants changed since the last run, once their edits settled. */
export default async function syncWhatsAppCatalogChanges(container: MedusaContainer) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const variantIds = await whatsapp.takeQuietCatalogVariants(CATALOG_QUIET_MS)
  if (!variantIds.length) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // One run per catalog (from its source account), however many numbers share it.
  const accounts = catalogSourceAccounts((await whatsapp.listWhatsappAccounts({}, { select: CATALOG_ACCOUNT_FIELDS })) as any[])
  for (const account of accounts) {
    try {
      await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: account.id, variant_ids: variantIds, trigger: "incremental" } })
    } catch (error) {
      logger.warn(`whatsapp: incremental catalog sync for ${account.id} failed: ${describeError(error)}; the nightly reconcile will retry`)
    }
  }
}

export const config = {
  name: "whatsapp-sync-catalog-changes",
  schedule: { interval: 5_000 },
}
