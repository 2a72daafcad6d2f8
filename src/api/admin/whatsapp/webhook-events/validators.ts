import { z } from "@medusajs/framework/zod"

export const AdminListWebhookEvents = z.object({
  status: z.enum(["pending", "processed", "failed", "ignored"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListWebhookEventsType = z.infer<typeof AdminListWebhookEvents>
