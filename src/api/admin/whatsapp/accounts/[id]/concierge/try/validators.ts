import { z } from "@medusajs/framework/zod"

/** A text as a customer would type it. */
export const AdminTryConcierge = z
  .object({ text: z.string().trim().min(1, "type a text to try").max(4096, "text is longer than 4096 characters") })
  .strict()
export type AdminTryConciergeType = z.infer<typeof AdminTryConcierge>
