import type { MedusaContainer } from "@medusajs/framework/types"
import type { SupportedLanguage } from "../../lib/account-settings"
import { foreignCatalogText } from "../../lib/cart-texts"
import { foreignCatalogRefusal } from "../../lib/cart/foreign-catalog"
import { describeError } from "../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { sendWhatsAppMessageWorkflow } from "../channel/workflows/send-whatsapp-message"

/**
 * An order from a catalog that is not the account's is refused before any
 * cart exists: the customer is told in their language (once per order
 * message) and the reason is returned, to be stored on the message.
 * Returns null when the order is the account's own.
 */
export async function refuseForeignCatalogOrder(container: MedusaContainer, messageId: string): Promise<string | null> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const row = await whatsapp.loadOrderMessage(messageId)
  const refusal = row ? foreignCatalogRefusal(row.payload?.order?.catalog_id, row.catalog_id) : null
  if (!row || !refusal) return null
  try {
    await sendWhatsAppMessageWorkflow(container).run({
      input: {
        conversation_id: row.conversation_id,
        message: { type: "text", text: { body: foreignCatalogText(row.language as SupportedLanguage) } },
        idempotency_key: `foreign-catalog:${messageId}`,
      },
    })
  } catch (error) {
    // The order stays refused whether or not the reply may go (window closed, opted out): retrying cannot change that.
    return `${refusal}; the customer was not told (${describeError(error)})`
  }
  return refusal
}
