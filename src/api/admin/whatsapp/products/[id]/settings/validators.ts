import { z } from "@medusajs/framework/zod"

/** `searchable`: found by typed messages. `hidden_in_catalog`: hidden from the WhatsApp catalog. */
export const AdminProductSettings = z
  .object({ searchable: z.boolean().optional(), hidden_in_catalog: z.boolean().optional() })
  .strict()
  .refine((b) => b.searchable !== undefined || b.hidden_in_catalog !== undefined, { message: "give searchable or hidden_in_catalog" })
export type AdminProductSettingsType = z.infer<typeof AdminProductSettings>
