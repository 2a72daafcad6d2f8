import { z } from "@medusajs/framework/zod"

export const AdminCreateMetaCatalog = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100, "name is longer than 100 characters"),
    // Products sold in WhatsApp live in a commerce catalog (Meta's other verticals are hotels, flights, vehicles…).
    vertical: z.literal("commerce", { message: 'vertical must be "commerce"' }).optional(),
  })
  .strict()
export type AdminCreateMetaCatalogType = z.infer<typeof AdminCreateMetaCatalog>
