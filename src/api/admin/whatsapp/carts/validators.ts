import { z } from "@medusajs/framework/zod"

export const AdminListWhatsAppCarts = z.object({
  account_id: z.string().optional(),
  conversation_id: z.string().optional(),
  cart_id: z.string().optional(),
  status: z
    .union([
      z.enum(["pending", "submitted", "link_sent", "paid", "abandoned", "recovered", "rejected"]),
      z.array(z.enum(["pending", "submitted", "link_sent", "paid", "abandoned", "recovered", "rejected"])),
    ])
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListWhatsAppCartsType = z.infer<typeof AdminListWhatsAppCarts>
