import { z } from "@medusajs/framework/zod"
import { pagination } from "../pagination"

const CartStatus = z.enum(["pending", "submitted", "link_sent", "ordered", "paid", "abandoned", "recovered", "rejected"])

export const AdminListWhatsAppCarts = z.object({
  account_id: z.string().optional(),
  conversation_id: z.string().optional(),
  cart_id: z.string().optional(),
  order_id: z.string().optional(),
  status: z.union([CartStatus, z.array(CartStatus)]).optional(),
  ...pagination({ max: 200, byDefault: 50 }),
})
export type AdminListWhatsAppCartsType = z.infer<typeof AdminListWhatsAppCarts>

/** "Mark as paid" takes no input; an empty object keeps the door open for a note or a reference later. */
export const AdminMarkCartPaid = z.object({}).strict()
