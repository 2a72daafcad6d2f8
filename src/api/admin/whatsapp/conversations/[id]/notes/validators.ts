import { z } from "@medusajs/framework/zod"

export const AdminCreateConversationNote = z
  .object({ text: z.string().trim().min(1, "text is required").max(4000, "text is longer than 4000 characters") })
  .strict()
export type AdminCreateConversationNoteType = z.infer<typeof AdminCreateConversationNote>
