import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WorkOutcome } from "../../../modules/whatsapp/types"
import type { EventOutcomeInput } from "./ingest-webhook-event"

/** Attempts allowed for a status whose message we have not stored yet (the send is still being recorded). */
const UNMATCHED_STATUS_ATTEMPTS = 4

export function webhookEventOutcome(result: EventOutcomeInput) {
  if (result.failure) {
    return result.failure
  }
  if (result.malformed) {
    // Signed but unreadable: kept and shown, never retried (it cannot improve).
    return { status: "failed" as const, note: result.malformed, retryInMs: null }
  }
  const notes = [
    ...result.notes,
    ...(result.unrouted.length ? [`unknown phone_number_id ${[...new Set(result.unrouted)].join(", ")}`] : []),
    ...(result.unroutedWabas.length ? [`unknown WABA ${[...new Set(result.unroutedWabas)].join(", ")}`] : []),
  ]
  if (result.unmatchedStatuses.length && result.attempts < UNMATCHED_STATUS_ATTEMPTS) {
    return {
      status: "failed" as const,
      note: `status for ${result.unmatchedStatuses.length} message(s) not stored yet; retrying`,
      retryInMs: 2_000 * result.attempts,
    }
  }
  if (result.unmatchedStatuses.length) {
    notes.push(`statuses for unknown messages: ${result.unmatchedStatuses.length}`)
  }
  const routed = result.messages.length || result.statusesApplied || result.identityChanges || result.accountChanges
  const onlyUnrouted = (result.unrouted.length || result.unroutedWabas.length) && !routed
  return { status: onlyUnrouted ? ("ignored" as const) : ("processed" as const), note: notes.join("; ") || null, retryInMs: null }
}

/** A webhook event's recorded outcome in the work queue's terms: done (processed or ignored), retry, or failed for good. */
export function asWorkOutcome(o: { id: string; status: "processed" | "ignored" | "failed"; note: string | null; retryInMs: number | null }): WorkOutcome {
  if (o.status !== "failed") return { id: o.id, result: "done", status: o.status, note: o.note }
  if (o.retryInMs != null) return { id: o.id, result: "retry", delayMs: o.retryInMs, note: o.note }
  return { id: o.id, result: "failed", note: o.note ?? "failed" }
}

export const finishWebhookEventsStep = createStep(
  "finish-whatsapp-webhook-events",
  async (events: EventOutcomeInput[], { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const outcomes = events.map((event) => ({ id: event.id, ...webhookEventOutcome(event) }))
    await whatsapp.finishWork("webhook_event", outcomes.map(asWorkOutcome))
    return new StepResponse(outcomes)
  }
)
