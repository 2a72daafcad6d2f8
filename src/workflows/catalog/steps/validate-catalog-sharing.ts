import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { catalogSharingConflict } from "../../../lib/catalog/catalog-sharing"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { describeCatalogAccounts, listCatalogNeighbours } from "../catalog-sharing"

/** An account as it will be: `account_id` for an existing one, the fields given override its own. */
export type CatalogSharingInput = {
  account_id?: string
  name?: string
  waba_id?: string
  catalog_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
}

const RELEVANT = ["waba_id", "catalog_id", "region_id", "sales_channel_id"] as const

/**
 * Refuses (400) an account that would break the catalog rules: one catalog per
 * WABA, and a catalog keeps the currency and sales channel it was first synced
 * with (see lib/catalog/catalog-sharing). Checks only; nothing to undo.
 */
export const validateCatalogSharingStep = createStep(
  "validate-whatsapp-catalog-sharing",
  async (input: CatalogSharingInput, { container }) => {
    // An update that touches none of these cannot create a conflict (and must not be blocked by an old one).
    if (input.account_id && !RELEVANT.some((key) => input[key] !== undefined)) return new StepResponse(null)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const existing = input.account_id ? await whatsapp.retrieveWhatsappAccount(input.account_id) : null
    const pick = <K extends keyof CatalogSharingInput>(key: K) => (input[key] !== undefined ? input[key] : (existing as any)?.[key] ?? null)
    const candidate = {
      id: existing?.id ?? "",
      name: pick("name") ?? "",
      waba_id: pick("waba_id") ?? "",
      catalog_id: pick("catalog_id"),
      region_id: pick("region_id"),
      sales_channel_id: pick("sales_channel_id"),
      created_at: existing?.created_at ?? new Date(),
    }
    if (!candidate.catalog_id) return new StepResponse(null)
    const others = (await listCatalogNeighbours(container, candidate)).filter((a) => a.id !== candidate.id)
    if (!others.length) return new StepResponse(null)
    const [described, ...describedOthers] = await describeCatalogAccounts(container, [candidate, ...others])
    const conflict = catalogSharingConflict(described, describedOthers)
    if (conflict) throw new MedusaError(MedusaError.Types.INVALID_DATA, conflict)
    return new StepResponse(null)
  }
)
