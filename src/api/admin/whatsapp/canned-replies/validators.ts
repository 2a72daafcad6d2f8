import { z } from "@medusajs/framework/zod"

const fields = {
  title: z.string().trim().min(1, "title is required").max(100, "title is longer than 100 characters"),
  text: z.string().trim().min(1, "text is required").max(4096, "text is longer than 4096 characters"),
}

export const AdminCreateCannedReply = z.object(fields).strict()
export type AdminCreateCannedReplyType = z.infer<typeof AdminCreateCannedReply>

export const AdminUpdateCannedReply = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => b.title !== undefined || b.text !== undefined, { message: "send title or text" })
export type AdminUpdateCannedReplyType = z.infer<typeof AdminUpdateCannedReply>

export const AdminRenderCannedReply = z.object({ conversation_id: z.string().min(1, "conversation_id is required") }).strict()
export type AdminRenderCannedReplyType = z.infer<typeof AdminRenderCannedReply>
