import { MedusaError } from "@medusajs/framework/utils"
import { isServiceWindowOpen } from "../customer-window"
import type { OutboundMessage } from "../graph-api/types"
import { isFreeForm, validateOutboundMessage } from "./limits"

/**
 * Why a message may not be queued, checked before anything reaches the Graph
 * API. Null when it may.
 */
export type OutboundRefusal = { kind: "invalid" | "not_allowed"; reason: string }

/** Meta's limits on the message itself (lengths, counts, required parts). */
export function limitsRefusal(message: OutboundMessage): OutboundRefusal | null {
  const problems = validateOutboundMessage(message)
  return problems.length ? { kind: "invalid", reason: `The message breaks WhatsApp's limits: ${problems.join("; ")}` } : null
}

/** The customer's opt-out, and the 24-hour window for free-form messages. */
export function conversationRefusal(
  message: OutboundMessage,
  conversation: { opted_out: boolean; last_inbound_at: Date | string | null },
  now = new Date()
): OutboundRefusal | null {
  if (conversation.opted_out) {
    return { kind: "not_allowed", reason: "The customer opted out of messages (they can send START to resume)" }
  }
  if (isFreeForm(message) && !isServiceWindowOpen(conversation.last_inbound_at, now)) {
    return {
      kind: "not_allowed",
      reason: "Outside the 24-hour customer-service window only approved templates can be sent; this message was not sent",
    }
  }
  return null
}

/** Throws a refusal as the error Medusa turns into a 400 with the reason. */
export function throwIfRefused(refusal: OutboundRefusal | null): void {
  if (refusal) {
    throw new MedusaError(refusal.kind === "invalid" ? MedusaError.Types.INVALID_DATA : MedusaError.Types.NOT_ALLOWED, refusal.reason)
  }
}
