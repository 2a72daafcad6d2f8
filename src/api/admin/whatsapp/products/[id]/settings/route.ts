import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { queueCatalogVariants } from "../../../../../../modules/whatsapp/sql/catalog-queue"

import type { AdminProductSettingsType } from "./validators"

async function settingsOf(whatsapp: WhatsAppModuleService, productId: string) {
  const [setting] = await whatsapp.listWhatsappProductSettings({ product_id: productId })
  return { product_id: productId, searchable: setting?.searchable ?? true }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ settings: await settingsOf(whatsapp, req.params.id) })
}

/** Whether customers find this product by typing; also hides its catalog items. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminProductSettingsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({ entity: "product", fields: ["id", "variants.id"], filters: { id: req.params.id } })
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found`)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [existing] = await whatsapp.listWhatsappProductSettings({ product_id: product.id })
  if (existing) await whatsapp.updateWhatsappProductSettings({ id: existing.id, searchable: req.validatedBody.searchable } as any)
  else await whatsapp.createWhatsappProductSettings({ product_id: product.id, searchable: req.validatedBody.searchable } as any)
  // The catalog items carry the switch as visibility: queue them for the next sync.
  await queueCatalogVariants(whatsapp.sql, (product.variants ?? []).map((v: { id: string }) => v.id))
  res.json({ settings: await settingsOf(whatsapp, product.id) })
}
