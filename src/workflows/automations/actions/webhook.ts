import { createHmac } from "node:crypto"
import type { AutomationActionHandler } from "../types"
import { actionKey } from "./queue-message"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** The signature header: `sha256=` and the hex HMAC-SHA256 of the exact body with the rule's secret. */
export const WEBHOOK_SIGNATURE_HEADER = "X-Whatsapp-Commerce-Signature"
/** The same for every retry of one action of one run: the receiver's key to drop a repeat. */
export const WEBHOOK_DELIVERY_HEADER = "X-Whatsapp-Commerce-Delivery"
const TIMEOUT_MS = 10_000

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
}

/**
 * POSTs the event and its variables as signed JSON. A network error, a
 * timeout, 408, 429 or a 5xx is retried with backoff by the engine; another
 * answer is final. Only the status code is recorded, never the response.
 */
export const handler: AutomationActionHandler<"webhook"> = async (action, context) => {
  const body = JSON.stringify({
    rule_id: context.rule.id,
    run_id: context.run.id,
    trigger: context.event.type,
    trigger_key: context.event.key,
    occurred_at: context.event.occurred_at,
    account_id: context.event.account_id,
    conversation_id: context.event.conversation_id,
    cart_id: context.event.cart_id ?? null,
    order_id: context.event.order_id ?? null,
    product_id: context.event.product_id ?? null,
    variables: context.variables,
  })
  // Sealed at rest: opened here only, for the signature.
  const secret = (context.container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).openAutomationSecret(action.secret)
  let status: number
  try {
    const response = await fetch(action.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(body, secret),
        [WEBHOOK_DELIVERY_HEADER]: actionKey(context),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "manual",
    })
    status = response.status
    await response.body?.cancel().catch(() => undefined)
  } catch (error) {
    const name = (error as Error)?.name === "TimeoutError" ? "timed out" : "unreachable"
    return { status: "failed", detail: `webhook ${name}`, retryable: true }
  }
  if (status >= 200 && status < 300) return { status: "done", detail: `webhook answered ${status}` }
  const retryable = status === 408 || status === 429 || status >= 500
  return { status: "failed", detail: `webhook answered ${status}`, retryable }
}
