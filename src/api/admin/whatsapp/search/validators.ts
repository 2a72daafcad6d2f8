import { z } from "@medusajs/framework/zod"

export const AdminWhatsAppSearch = z.object({
  q: z.string().trim().min(1, "q: type something to search for").max(500, "q: at most 500 characters"),
  account_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(30).default(5),
})
export type AdminWhatsAppSearchType = z.infer<typeof AdminWhatsAppSearch>
