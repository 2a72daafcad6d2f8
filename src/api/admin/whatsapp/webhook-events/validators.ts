import { z } from "@medusajs/framework/zod"
import { pagination } from "../pagination"

export const AdminListWebhookEvents = z.object({
  status: z.enum(["pending", "processed", "failed", "ignored"]).optional(),
  ...pagination({ max: 200, byDefault: 50 }),
})
export type AdminListWebhookEventsType = z.infer<typeof AdminListWebhookEvents>
