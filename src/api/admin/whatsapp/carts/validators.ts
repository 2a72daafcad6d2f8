import { z } from "@medusajs/framework/zod"

const CartStatus = z.enum(["pending", "submitted", "link_sent", "ordered", "paid", "abandoned", "recovered", "rejected"])

export const AdminListWhatsAppCarts = z.object({
  account_id: z.string().optional(),
  conversation_id: z.string().optional(),
  cart_id: z.string().optional(),
  order_id: z.string().optional(),
  status: z.union([CartStatus, z.array(CartStatus)]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListWhatsAppCartsType = z.infer<typeof AdminListWhatsAppCarts>

/** "Mark as paid" takes no input; an empty object keeps the door open for a note or a reference later. */
export const AdminMarkCartPaid = z.object({}).strict()
