import { MedusaError } from "@medusajs/framework/utils"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { describeError } from "../../../lib/safe-error"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import type { AutomationActionContext, AutomationActionOutcome } from "../types"

/** The idempotency key of what an action queues: the same run and action never queue twice. */
export const actionKey = (context: AutomationActionContext, part = "") => `automation:${context.run.id}:${context.index}${part ? `:${part}` : ""}`

/**
 * A refusal of bad data (opted out, outside the window, a template Meta
 * rejected) is final; anything else (the database, a lock) is worth a retry.
 */
export function failure(error: unknown, what: string): AutomationActionOutcome {
  const final = MedusaError.isMedusaError(error) && [MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_ALLOWED, MedusaError.Types.NOT_FOUND].includes((error as MedusaError).type as any)
  const detail = final ? `${what}: ${(error as Error).message}` : `${what}: ${describeError(error)}`
  return { status: "failed", detail, retryable: !final }
}

/** Queues one message through the plugin's outbound path (limits, opt-out and window checks, pacing). */
export async function queueMessage(context: AutomationActionContext, message: OutboundMessage, part = ""): Promise<AutomationActionOutcome> {
  const conversationId = context.event.conversation_id
  if (!conversationId) return { status: "skipped", detail: "no conversation behind this event" }
  try {
    // The conversation came with the run's claim: its opt-out and window are not read a second time.
    const conversation = context.conversation?.id === conversationId ? context.conversation : null
    const { result } = await sendWhatsAppMessageWorkflow(context.container).run({
      input: { conversation_id: conversationId, message, idempotency_key: actionKey(context, part), conversation },
    })
    return { status: "done", detail: `message ${result.id} queued` }
  } catch (error) {
    return failure(error, "not queued")
  }
}
