import { z } from "@medusajs/framework/zod"

export const AdminLinkConversationCustomer = z.object({ customer_id: z.string().min(1).max(100) }).strict()
export type AdminLinkConversationCustomerType = z.infer<typeof AdminLinkConversationCustomer>
