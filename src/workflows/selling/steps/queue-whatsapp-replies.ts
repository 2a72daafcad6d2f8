import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"

export type QueueRepliesInput = {
  conversation_id: string
  messages: OutboundMessage[]
  /** Message i gets `<prefix>:<i>`: a retried run queues nothing twice. */
  idempotency_prefix: string
}

/** Queues several messages in order through `sendWhatsAppMessageWorkflow` (checks, pacing, retries). */
export const queueWhatsAppRepliesStep = createStep(
  "queue-whatsapp-replies",
  async (input: QueueRepliesInput, { container }) => {
    const queued: { id: string; created: boolean }[] = []
    for (const [i, message] of input.messages.entries()) {
      const { result } = await sendWhatsAppMessageWorkflow(container).run({
        input: { conversation_id: input.conversation_id, message, idempotency_key: `${input.idempotency_prefix}:${i}` },
      })
      queued.push(result)
    }
    return new StepResponse(
      queued.map((q) => q.id),
      queued.filter((q) => q.created).map((q) => q.id)
    )
  },
  async (created, { container }) => {
    if (!created?.length) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    // What has not left yet is withdrawn; a message already sent cannot be.
    await whatsapp.discardQueuedMessages(created)
  }
)
