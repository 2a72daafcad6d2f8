import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

type Undo = { previous: Record<string, unknown> | null; created: string | null }

export type MapCatalogItemInput = { catalog_id: string; variant_id: string; product_id?: string | null; retailer_id: string; source?: "manual" | "imported" }

/**
 * Sets a variant's content ID (retailer id) in a catalog, as copied from
 * Commerce Manager. A content ID already used by another variant is refused.
 * The item is then treated as existing at Meta: the next sync updates it.
 */
export const mapCatalogItemStep = createStep(
  "map-whatsapp-catalog-item",
  async (input: MapCatalogItemInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const [taken] = await whatsapp.listWhatsappCatalogItems({ catalog_id: input.catalog_id, retailer_id: input.retailer_id })
    if (taken && taken.variant_id !== input.variant_id) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Content ID "${input.retailer_id}" is already mapped to variant ${taken.variant_id} in catalog ${input.catalog_id}`
      )
    }
    const [existing] = await whatsapp.listWhatsappCatalogItems({ catalog_id: input.catalog_id, variant_id: input.variant_id })
    const liveUnderOldId =
      existing && existing.retailer_id !== input.retailer_id && existing.content_hash && existing.content_hash !== "mapped" && existing.sync_status !== "deleted"
    const fields = {
      ...(liveUnderOldId ? { replaced_retailer_id: existing.retailer_id } : {}),
      retailer_id: input.retailer_id,
      retailer_id_source: input.source ?? "manual",
      // Meta already holds this content ID: sync with UPDATE, not CREATE.
      content_hash: "mapped",
      sync_status: "pending",
      errors: null,
    }
    if (existing) {
      await whatsapp.updateWhatsappCatalogItems({ id: existing.id, ...fields } as any)
      return new StepResponse<{ id: string }, Undo>({ id: existing.id }, { previous: existing as any, created: null })
    }
    const created = await whatsapp.createWhatsappCatalogItems({ catalog_id: input.catalog_id, variant_id: input.variant_id, product_id: input.product_id ?? null, ...fields } as any)
    return new StepResponse<{ id: string }, Undo>({ id: created.id }, { previous: null, created: created.id })
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    if (undo.created) await whatsapp.deleteWhatsappCatalogItems(undo.created)
    if (undo.previous) {
      const { created_at, updated_at, deleted_at, ...restorable } = undo.previous as any
      await whatsapp.updateWhatsappCatalogItems(restorable)
    }
  }
)
