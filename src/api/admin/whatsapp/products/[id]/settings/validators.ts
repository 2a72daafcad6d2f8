import { z } from "@medusajs/framework/zod"

export const AdminProductSettings = z.object({ searchable: z.boolean() }).strict()
export type AdminProductSettingsType = z.infer<typeof AdminProductSettings>
