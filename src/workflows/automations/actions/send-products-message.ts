import { renderTemplate } from "../../../lib/automations/template"
import { sendWhatsAppProductsWorkflow } from "../../selling/workflows/send-whatsapp-products"
import type { SendWhatsAppProductsInput } from "../../selling/steps/compose-product-messages"
import type { AutomationActionContext, AutomationActionOutcome } from "../types"
import { actionKey, failure } from "./queue-message"

/** Products or a collection through the plugin's send-products workflow (synced catalog items only). */
export async function sendProducts(
  context: AutomationActionContext,
  pick: Pick<SendWhatsAppProductsInput, "product_ids" | "variant_ids" | "collection_id">,
  text: string | undefined
): Promise<AutomationActionOutcome> {
  const conversationId = context.event.conversation_id
  if (!conversationId) return { status: "skipped", detail: "no conversation behind this event" }
  try {
    const body = text ? renderTemplate(text, context.variables).trim() || undefined : undefined
    const { result } = await sendWhatsAppProductsWorkflow(context.container).run({
      input: { conversation_id: conversationId, ...pick, body, idempotency_key: actionKey(context) },
    })
    if (!result.message_ids.length) return { status: "skipped", detail: "none of these products is synced to the catalog" }
    return { status: "done", detail: `${result.message_ids.length} message(s) queued` }
  } catch (error) {
    return failure(error, "products not queued")
  }
}
