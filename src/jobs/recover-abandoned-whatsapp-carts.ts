import type { MedusaContainer } from "@medusajs/framework/types"
import { recoverAbandonedWhatsAppCartsWorkflow } from "../workflows/recovery/workflows/recover-abandoned-whatsapp-carts"

/** Every minute: carts unpaid past their account's recovery delay get their one reminder. */
export default async function recoverAbandonedWhatsAppCarts(container: MedusaContainer) {
  await recoverAbandonedWhatsAppCartsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "recover-abandoned-whatsapp-carts",
  schedule: "* * * * *",
}
