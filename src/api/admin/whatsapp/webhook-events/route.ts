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
    fields: ["id", "raw_body", "received_at", "status", "processed_at", "attempts", "next_attempt_at", "last_error", "phone_number_ids"],
    filters: status ? { status } : {},
    pagination: { skip: offset, take: limit, order: { received_at: "DESC" } },
  })
  res.json({ webhook_events: data, count: metadata?.count ?? data.length, offset, limit })
}
