import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateOrderWorkflow } from "@medusajs/medusa/core-flows"
import { deliveryDetailsSavedText } from "../../lib/order-texts"
import { describeError } from "../../lib/safe-error"
import type { WhatsAppCartRow } from "../../modules/whatsapp/types"
import { sendWhatsAppMessageWorkflow } from "../channel/workflows/send-whatsapp-message"

export type DeliveryDetailsInput = {
  checkout: WhatsAppCartRow & { order_id: string }
  email: string
  shipping_address: Record<string, string | undefined>
}

/**
 * Order on submit: the customer's delivery details go onto Medusa's order
 * through Medusa's updateOrderWorkflow (it records the change on the order,
 * keeps the country its delivery was priced for, and refuses a canceled
 * order), then the chat confirms where the order goes. The confirmation is
 * keyed by the address, so saving the same details twice sends it once; one
 * that cannot be sent (the customer opted out meanwhile) is logged and does
 * not undo the address.
 */
export async function saveWhatsAppDeliveryDetails(scope: MedusaContainer, input: DeliveryDetailsInput): Promise<{ display_id: number }> {
  const address = Object.fromEntries(Object.entries(input.shipping_address).filter(([, v]) => v))
  await updateOrderWorkflow(scope).run({
    // The change is recorded as made by the customer (Medusa's order history shows who changed what).
    input: { id: input.checkout.order_id, email: input.email, shipping_address: address, user_id: input.checkout.customer_id ?? "whatsapp-customer" },
  })
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["display_id", "shipping_address.*"], filters: { id: input.checkout.order_id } })
  const order = data[0] as any
  const a = order.shipping_address ?? {}
  const lines = [
    `${a.first_name ?? ""} ${a.last_name ?? ""}`.trim(),
    a.address_1,
    a.address_2,
    `${a.postal_code ?? ""} ${a.city ?? ""}`.trim(),
    a.province,
    a.phone,
  ].filter(Boolean) as string[]
  const digest = createHash("sha256").update(JSON.stringify([input.email, lines])).digest("base64url").slice(0, 16)
  try {
    await sendWhatsAppMessageWorkflow(scope).run({
      input: {
        conversation_id: input.checkout.conversation_id,
        message: { type: "text", text: { body: deliveryDetailsSavedText(input.checkout.language, order.display_id, lines) } },
        idempotency_key: `delivery-details:${input.checkout.order_id}:${digest}`,
      },
    })
  } catch (error) {
    scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: delivery details of order ${input.checkout.order_id} saved, confirmation not sent: ${describeError(error)}`)
  }
  return { display_id: order.display_id }
}
