import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { toE164 } from "../lib/phone"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

/**
 * After the migration that marks every existing customer link `unverified`:
 * links to a guest customer we created from WhatsApp for that very number
 * (no account, `metadata.source` "whatsapp", same phone) are proven and
 * become `whatsapp_created`; every other one stays unverified, which is
 * treated as no link. Open carts of unverified links lose their customer,
 * so an order paid later is not filed under someone who merely typed the
 * number. Customers are read through the customer module (their tables may
 * live elsewhere); Medusa runs a migration script once per database.
 */
export default async function proveWhatsAppCustomerLinks({ container }: { container: MedusaContainer }) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const links = await whatsapp.listUnverifiedCustomerLinks()
  let proven = 0
  if (links.length) {
    const ids = [...new Set(links.map((l) => l.customer_id))]
    const customers = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: ids }, { select: ["id", "phone", "has_account", "metadata"], take: null })
    const byId = new Map(customers.map((c) => [c.id, c]))
    for (const link of links) {
      const customer = byId.get(link.customer_id)
      const ours = customer && !customer.has_account && customer.metadata?.source === "whatsapp" && customer.phone === toE164(link.wa_id)
      if (!ours) continue
      await whatsapp.linkConversationCustomer(link.id, {
        customer_id: link.customer_id,
        method: "whatsapp_created",
        linked_by: null,
        linked_at: new Date(),
      })
      proven++
    }
  }

  const carts = await whatsapp.listOpenCartsOfUnverifiedLinks()
  if (carts.length) {
    await container.resolve(Modules.CART).updateCarts(carts.map((c) => ({ id: c.cart_id, customer_id: null, email: null })) as any)
    await whatsapp.clearWhatsAppCartCustomers(carts.map((c) => c.id))
  }
  if (links.length) {
    logger.info(
      `whatsapp: ${proven} of ${links.length} existing customer link(s) proven (created from WhatsApp); ` +
        `the others stay unverified and unused; ${carts.length} open cart(s) detached from an unverified customer`
    )
  }
}
