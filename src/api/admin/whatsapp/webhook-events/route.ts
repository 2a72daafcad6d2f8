import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminListWebhookEventsType } from "./validators"
import type { AdminWhatsAppWebhookEventListResponse } from "../../../../types/http"

/** Stored webhook deliveries, so failures and ignored payloads are visible. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListWebhookEventsType>, res: MedusaResponse<AdminWhatsAppWebhookEventListResponse>) => {
  const { status, limit, offset } = req.validatedQuery as AdminListWebhookEventsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_webhook_event",
    fields: ["id", "raw_body", "raw_body_encoding", "received_at", "status", "processed_at", "attempts", "next_attempt_at", "last_error", "phone_number_ids"],
    filters: status ? { status } : {},
    pagination: { skip: offset, take: limit, order: { received_at: "DESC", id: "DESC" } },
  })
  // A failed event with no retry scheduled is final: last_error says why it was given up.
  const events = data.map((event: any) => ({ ...event, gave_up: event.status === "failed" && !event.next_attempt_at }))
  res.json({ webhook_events: events, count: metadata?.count ?? data.length, offset, limit })
}
