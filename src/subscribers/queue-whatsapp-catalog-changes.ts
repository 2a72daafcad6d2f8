import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PRODUCT_CHANGE_EVENTS } from "../lib/product-events"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

type EventData = { id: string | string[] }

/**
 * Product, variant and stock changes queue the variants they touch; the
 * catalog sync job sends them once the edits have settled.
 */
export default async function queueWhatsAppCatalogChanges({ event, container }: SubscriberArgs<EventData>) {
  const ids = Array.isArray(event.data.id) ? event.data.id : [event.data.id]
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let variantIds: string[] = []

  if (event.name.startsWith("product-variant.")) {
    variantIds = ids
  } else if (event.name.startsWith("product.")) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: ids }, withDeleted: true } as any)
    const mapped = await whatsapp.listWhatsappCatalogItems({ product_id: ids }, { select: ["variant_id"] })
    variantIds = [...data.map((v: { id: string }) => v.id), ...mapped.map((m) => m.variant_id)]
  } else if (event.name.startsWith("inventory-level.")) {
    const { data: levels } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true } as any)
    const itemIds = levels.map((l: { inventory_item_id: string }) => l.inventory_item_id)
    if (itemIds.length) {
      const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.id"], filters: { id: itemIds } })
      variantIds = items.flatMap((i: any) => (i.variants ?? []).map((v: { id: string }) => v.id))
    }
  }
  await whatsapp.queueCatalogVariants(variantIds)
}

export const config: SubscriberConfig = {
  event: [
    ...PRODUCT_CHANGE_EVENTS,
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
  ],
  context: { subscriberId: "whatsapp-queue-catalog-changes" },
}
