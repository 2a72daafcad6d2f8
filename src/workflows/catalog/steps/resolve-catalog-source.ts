import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { catalogSourceAccount } from "../../../lib/catalog/catalog-sharing"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { listCatalogNeighbours } from "../catalog-sharing"

/**
 * The catalog an account uses and the account its items are built from (the
 * catalog's first configured account): whichever number asks, a shared
 * catalog is synced from one region and one sales channel.
 */
export const resolveCatalogSourceStep = createStep(
  "resolve-whatsapp-catalog-source",
  async (input: { account_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
    if (!account.catalog_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The account needs a catalog, a region and a sales channel before its catalog can sync")
    }
    const onCatalog = await listCatalogNeighbours(container, { catalog_id: account.catalog_id })
    const source = catalogSourceAccount(onCatalog, account.catalog_id)
    return new StepResponse({ catalog_id: account.catalog_id, source_account_id: source?.id ?? account.id })
  }
)
