import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type ProductSettingInput = { product_id: string; searchable?: boolean; hidden_in_catalog?: boolean }
export type ProductSettingValues = { product_id: string; searchable: boolean; hidden_in_catalog: boolean }

type Undo = { created: string } | { restore: { id: string; searchable: boolean; hidden_in_catalog: boolean } }

/** Saves a product's WhatsApp switches (a field left out keeps its value); returns before and after. */
export const setProductSettingStep = createStep(
  "set-whatsapp-product-setting",
  async (input: ProductSettingInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const [existing] = await whatsapp.listWhatsappProductSettings({ product_id: input.product_id })
    const before: ProductSettingValues = {
      product_id: input.product_id,
      searchable: existing?.searchable ?? true,
      hidden_in_catalog: existing?.hidden_in_catalog ?? false,
    }
    const after: ProductSettingValues = {
      product_id: input.product_id,
      searchable: input.searchable ?? before.searchable,
      hidden_in_catalog: input.hidden_in_catalog ?? before.hidden_in_catalog,
    }
    if (existing) {
      await whatsapp.updateWhatsappProductSettings({ id: existing.id, searchable: after.searchable, hidden_in_catalog: after.hidden_in_catalog } as any)
      const undo: Undo = { restore: { id: existing.id, searchable: before.searchable, hidden_in_catalog: before.hidden_in_catalog } }
      return new StepResponse({ before, after }, undo)
    }
    const created = await whatsapp.createWhatsappProductSettings(after as any)
    return new StepResponse({ before, after }, { created: created.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    if ("created" in undo) await whatsapp.deleteWhatsappProductSettings(undo.created)
    else await whatsapp.updateWhatsappProductSettings(undo.restore as any)
  }
)
