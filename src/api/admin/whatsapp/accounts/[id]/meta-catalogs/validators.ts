import { z } from "@medusajs/framework/zod"

// Medusa's error formatter words these itself ("Value for field 'name' too small…").
export const AdminCreateMetaCatalog = z
  .object({
    name: z.string().trim().min(1).max(100),
    // Products sold in WhatsApp live in a commerce catalog (Meta's other verticals are hotels, flights, vehicles…).
    vertical: z.literal("commerce").optional(),
  })
  .strict()
export type AdminCreateMetaCatalogType = z.infer<typeof AdminCreateMetaCatalog>
