import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCT_CHANGE_EVENTS } from "../lib/product-events"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { EMBEDDING_QUIET_MS } from "../modules/whatsapp/sql/product-embeddings"
import { whatsappWork } from "../workflows/work/whatsapp-work"

type EventData = { id: string | string[]; product_id?: string }

/**
 * With the `ai` option, product and variant changes queue their products for
 * embedding; the work queue embeds them in the background (never in the
 * request that changed the product). Without it, nothing happens.
 */
export default async function queueWhatsAppProductEmbeddings({ event, container }: SubscriberArgs<EventData>) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  if (!whatsapp.embeddingsClient()) return
  const ids = Array.isArray(event.data.id) ? event.data.id : [event.data.id]
  let productIds = ids
  if (event.name.startsWith("product-variant.")) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: ids }, withDeleted: true } as any)
    productIds = [...data.map((v: { product_id: string }) => v.product_id), ...(event.data.product_id ? [event.data.product_id] : [])]
  }
  await whatsapp.queueProductEmbeddings(productIds)
  // Due once quiet (a bulk edit becomes one batch): look again just after.
  const work = whatsappWork(container)
  setTimeout(() => work.nudge("product_embedding"), EMBEDDING_QUIET_MS + 100).unref?.()
}

export const config: SubscriberConfig = {
  event: [...PRODUCT_CHANGE_EVENTS],
  context: { subscriberId: "whatsapp-queue-product-embeddings" },
}
